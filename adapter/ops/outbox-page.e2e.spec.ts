import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AppHarness } from '@test/app.harness';
import { launchChromium, type Chromium } from '@test/chromium';
import { Outbox } from '@adapter/effects/outbox';
import { OutboxSender } from '@adapter/effects/outbox.sender';
import type { OutboxChannel } from '@stream/outbox.stream';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const message = (page: Page, key: string, state = '') => page.locator(`.message[data-key="${key}"]${state}`);

/** Delivers one message into the app's outbox, as an effect whose channel has no service configured does. */
const deliver = async (harness: AppHarness, channel: OutboxChannel, key: string, payload: unknown): Promise<void> => {
  const result = await new OutboxSender(harness.app.get(Outbox), channel).send({ key, payload }, { attempt: 1, correlationId: `journey-${key}` });
  expect(result).toEqual({ kind: 'sent' });
};

describe('the outbox page, in a browser', () => {
  let browser: Chromium;
  let harness: AppHarness;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    harness = await AppHarness.start();
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (entry) => entry.type() === 'error' && pageErrors.push(entry.text()));
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it('is served as a page without caching, its files by plain names only', async () => {
    const served = await harness.get('/outbox/page');
    expect([served.status, served.headers['content-type'], served.headers['cache-control']]).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
    expect((await harness.get('/outbox/page/outbox.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await harness.get('/outbox/page/missing.js')).status).toBe(404);
    expect((await harness.get('/outbox/page/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('lists what was delivered, newest first, shows each new message as it arrives, and filters by channel', async () => {
    await deliver(harness, 'email', 'order-42-email', { to: 'ada@example.com', subject: 'Your order shipped', text: 'Order 42 is on its way.' });
    await page.goto(`${await harness.listen()}/outbox/page`);
    await page.locator('#connection[data-state="live"]').waitFor();
    expect(await page.locator('#connection').textContent()).toBe('Live');
    await message(page, 'order-42-email').waitFor();
    expect(await message(page, 'order-42-email', '[data-new]').count()).toBe(0);

    await deliver(harness, 'slack', 'deploy-7-slack', { text: 'Deploy 7 finished: *all green*' });
    await deliver(harness, 'sms', 'incident-3-sms', { to: '+15551234567', text: 'checkout is down' });
    await message(page, 'incident-3-sms', '[data-new="true"]').waitFor();
    await message(page, 'deploy-7-slack', '[data-new="true"]').waitFor();
    const order = await Promise.all((await page.locator('.message').all()).map((item) => item.getAttribute('data-key')));
    expect(order).toEqual(['incident-3-sms', 'deploy-7-slack', 'order-42-email']);
    expect(await message(page, 'incident-3-sms', ' .new-label').textContent()).toBe('New');
    expect(await message(page, 'incident-3-sms', ' .channel').textContent()).toBe('SMS');
    expect(await message(page, 'order-42-email', ' .fields').textContent()).toBe('Toada@example.comSubjectYour order shipped');
    expect(await page.locator('#summary').textContent()).toBe('3 messages, newest first. New: SMS to +15551234567.');

    await page.getByLabel('SMS').check();
    expect(await page.locator('.message:visible').count()).toBe(1);
    expect(await page.locator('#summary').textContent()).toBe('1 of 3 messages (SMS only), newest first.');
    await page.getByLabel('All').check();
    expect(await page.locator('.message:visible').count()).toBe(3);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'outbox-page.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

describe('the outbox page, when the app requires a token', () => {
  const token = 'outbox-page-e2e-token-0123456789';
  let browser: Chromium;
  let harness: AppHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await AppHarness.start({ authTokens: [token] });
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it('says the messages are refused without it, and shows them live once it is given', async () => {
    await deliver(harness, 'email', 'welcome-email', { to: 'bob@example.com', subject: 'Welcome', text: 'Hello Bob.' });
    await page.goto(`${await harness.listen()}/outbox/page`);
    await page.locator('#connection[data-state="unauthorized"]').waitFor();
    expect(await page.locator('#connection').textContent()).toBe('Access token refused');
    expect(await page.locator('#link-problem').textContent()).toContain('needs credentials');
    expect(await page.locator('.message').count()).toBe(0);

    await page.locator('.token summary').click();
    await page.locator('#access-token').fill(token);
    await page.locator('#access-token').press('Enter');
    await page.locator('#connection[data-state="live"]').waitFor();
    await message(page, 'welcome-email').waitFor();
    await deliver(harness, 'sms', 'welcome-sms', { to: '+15550001111', text: 'Welcome, Bob' });
    await message(page, 'welcome-sms', '[data-new="true"]').waitFor();
  });
});
