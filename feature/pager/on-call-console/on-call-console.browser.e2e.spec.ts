import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import { AppHarness } from '@test/app.harness';
import { launchChromium, type Chromium } from '@test/chromium';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const card = (page: Page, service: string, state = '') => page.locator(`.incident[data-service="${service}"]${state}`);

/** Two levels, 15 minutes each to acknowledge, run once: level 1 by email, level 2 by SMS. */
const policy = (service: string) => ({
  data: { service: { id: service }, ackTimeoutSeconds: 900, repeat: 0, levels: [{ targets: [{ email: 'oncall@example.com' }] }, { targets: [{ sms: '+15551234567' }] }] },
});
const alert = (service: string, message: string) => ({ data: { service: { id: service }, message } });

describe('the on-call console, in a browser', () => {
  let browser: Chromium;
  let harness: AppHarness;
  let page: Page;
  /** The page's side of its current websocket, and the server's frames held back from it while the link is held. */
  let pageSide: WebSocketRoute | undefined;
  let held: (string | Buffer)[] | undefined;
  /** Uncaught errors and console errors of the page, but for the refused commands' HTTP statuses. */
  const pageErrors: string[] = [];

  /** Lets the server's frames through again, those held first, in order. */
  const release = (): void => {
    const frames = held ?? [];
    held = undefined;
    for (const frame of frames) pageSide?.send(frame);
  };

  beforeAll(async () => {
    harness = await AppHarness.start();
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && pageErrors.push(message.text()));
    await page.routeWebSocket(/\/live/, (socket) => {
      const server = socket.connectToServer();
      pageSide = socket;
      socket.onMessage((frame) => server.send(frame));
      server.onMessage((frame) => (held ? held.push(frame) : socket.send(frame)));
    });
    for (const service of ['checkout', 'search']) expect((await harness.put('/mutation/set-escalation-policy', policy(service))).status).toBe(201);
    await page.goto(`${await harness.listen()}/console`);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it('says so when no service has an open incident', async () => {
    await page.locator('#connection[data-state="live"]').waitFor();
    await page.locator('#incidents[data-sync="ready"]').waitFor({ state: 'attached' });
    await page.locator('#summary', { hasText: 'No open incidents · 2 services healthy' }).waitFor();
    expect(await page.locator('#no-incidents').isVisible()).toBe(true);
    expect(await page.locator('.incident').count()).toBe(0);
    // Set in the page: still there at the end proves that nothing reloaded it.
    await page.evaluate(() => ((globalThis as Record<string, unknown>).sameDocument = true));
  });

  it('shows an alert\'s incident live: its service, message, state in words, level, next escalation and who was paged', async () => {
    expect((await harness.put('/mutation/raise-alert', alert('checkout', 'checkout answers 500'))).status).toBe(201);
    const checkout = card(page, 'checkout', '[data-state="unacknowledged"]');
    await checkout.waitFor();
    await checkout.locator('.level', { hasText: 'Level 1, round 1' }).waitFor();
    expect(await checkout.locator('.state-label').textContent()).toBe('Not acknowledged');
    expect(await checkout.locator('.message').textContent()).toBe('checkout answers 500');
    expect(await checkout.locator('.next').textContent()).toMatch(/^\d\d:\d\d:\d\d \(in 1[45] min\)$/);
    expect(await checkout.locator('.notified li').allTextContents()).toEqual(['Email oncall@example.com (level 1, round 1)']);
    expect(await checkout.locator('.alerts').textContent()).toBe('1 alert');
    expect(await page.locator('#latest-change').textContent()).toMatch(/: checkout: paging level 1, round 1\.$|: New incident on checkout: checkout answers 500$/);
    expect(await page.locator('#no-incidents').isVisible()).toBe(false);

    expect((await harness.put('/mutation/raise-alert', alert('checkout', 'checkout still answers 500'))).status).toBe(201);
    await checkout.locator('.alerts', { hasText: '2 alerts' }).waitFor();
    await page.locator('#latest-change', { hasText: 'checkout alerted again: 2 alerts.' }).waitFor();
  });

  it('acknowledges from its button: the incident shows acknowledged live, with its timeline', async () => {
    await page.getByRole('button', { name: 'Acknowledge checkout' }).click();
    const checkout = card(page, 'checkout', '[data-state="acknowledged"]');
    await checkout.waitFor();
    expect(await checkout.locator('.state-label').textContent()).toBe('Acknowledged');
    expect(await checkout.locator('.next').textContent()).toBe('Acknowledged');
    expect(await checkout.locator('.outcome[data-outcome="ok"]').textContent()).toBe("Acknowledged: checkout's escalation stops.");
    expect(await checkout.getByRole('button', { name: 'Acknowledge checkout' }).isDisabled()).toBe(true);
    await page.locator('#latest-change', { hasText: "checkout's incident is acknowledged." }).waitFor();

    await checkout.getByRole('button', { name: "Timeline of checkout's incident" }).click();
    await checkout.locator('.timeline-entry[data-what="acknowledged"]').waitFor();
    expect(await checkout.locator('.timeline-entry .what').allTextContents()).toEqual([
      'Alert: checkout answers 500',
      'Paged level 1, round 1: Email oncall@example.com',
      'Alert: checkout still answers 500',
      'Acknowledged',
    ]);

    expect((await harness.put('/mutation/raise-alert', alert('search', 'search takes 9 s to answer'))).status).toBe(201);
    await card(page, 'search', '[data-state="unacknowledged"]').locator('.level', { hasText: 'Level 1, round 1' }).waitFor();
    expect(await page.locator('#summary').textContent()).toBe('2 open incidents · 1 not acknowledged · 1 acknowledged');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'on-call-console.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'on-call-console-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('takes a service marked healthy away live, and keeps the keyboard\'s place', async () => {
    await card(page, 'checkout').getByRole('button', { name: 'Healthy: checkout has recovered' }).click();
    await card(page, 'checkout').waitFor({ state: 'detached' });
    await page.locator('#latest-change', { hasText: 'checkout is healthy: its incident is closed.' }).waitFor();
    expect(await page.locator('#incidents-title:focus').count()).toBe(1);
    expect(await page.locator('.incident').count()).toBe(1);
    expect(await page.locator('#summary').textContent()).toBe('1 open incident · 1 not acknowledged · 1 service healthy');
  });

  it('shows a refusal in words: acknowledging a service that recovered before the page heard of it', async () => {
    held = [];
    expect((await harness.put('/mutation/mark-service-healthy', { data: { service: { id: 'search' } } })).status).toBe(201);
    await page.getByRole('button', { name: 'Acknowledge search' }).click();
    const refused = card(page, 'search').locator('.outcome[data-outcome="problem"][data-status="409"]');
    await refused.waitFor();
    expect(await refused.locator('p').allTextContents()).toEqual(['No open incident (409)', 'service search is healthy: there is no incident to acknowledge', 'Rule: no-open-incident']);

    release();
    await card(page, 'search').waitFor({ state: 'detached' });
    await page.locator('#no-incidents').waitFor();
    expect(await page.locator('#summary').textContent()).toBe('No open incidents · 2 services healthy');
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).sameDocument)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

describe('the on-call console, when the pager requires a token', () => {
  const token = 'on-call-console-e2e-token-0123456789';
  const bearer = { authorization: `Bearer ${token}` };
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

  it('says the link is refused without it, and shows and acknowledges incidents once it is given, for this tab', async () => {
    expect((await harness.put('/mutation/set-escalation-policy', policy('checkout'), bearer)).status).toBe(201);
    expect((await harness.put('/mutation/raise-alert', alert('checkout', 'checkout answers 500'), bearer)).status).toBe(201);
    await page.goto(`${await harness.listen()}/console`);
    await page.locator('#connection[data-state="unauthorized"]').waitFor();
    expect(await page.locator('#connection').textContent()).toBe('Access token refused');
    expect(await page.locator('.incident').count()).toBe(0);

    await page.locator('.token summary').click();
    await page.locator('#access-token').fill(token);
    await page.locator('#access-token').press('Enter');
    await page.locator('#connection[data-state="live"]').waitFor();
    await page.getByRole('button', { name: 'Acknowledge checkout' }).click();
    await card(page, 'checkout', '[data-state="acknowledged"]').waitFor();

    await page.reload();
    expect(await page.locator('#access-token').inputValue()).toBe(token);
    await card(page, 'checkout', '[data-state="acknowledged"]').waitFor();
  });
});
