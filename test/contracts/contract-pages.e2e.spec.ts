import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BOARDS } from '@app/boards';
import { AppHarness } from '@test/app.harness';
import { launchChromium, type Chromium } from '@test/chromium';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** The routes the OpenAPI document covers: every board's `/mutation/*` and `/query/*`. */
const DOCUMENTED_ROUTES = BOARDS.flatMap(({ slices }) => slices)
  .flatMap((slice) => (slice.kind === 'state-change' ? slice.triggers : slice.kind === 'state-view' ? slice.queries : []))
  .filter((trigger) => trigger.kind === 'http' && /^\/(mutation|query)\//.test(trigger.path)).length;

describe('the contract pages, in a browser, under the app\'s Content-Security-Policy', () => {
  let browser: Chromium;
  let hotel: AppHarness;
  let base: string;
  let page: Page;
  /** What the browser refused or failed at: CSP violations, script errors, console errors. */
  const refused: string[] = [];

  beforeAll(async () => {
    hotel = await AppHarness.start();
    base = await hotel.listen();
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => refused.push(error.message));
    page.on('console', (message) => message.type() === 'error' && refused.push(message.text()));
    page.on('response', (response) => response.status() >= 400 && refused.push(`${response.status()} ${response.url()}`));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await hotel?.dispose();
  });

  beforeEach(() => {
    refused.length = 0;
  });

  it('renders Swagger UI at /api with every route, nothing refused', async () => {
    const answer = await page.goto(`${base}/api`);
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock-summary-path').allTextContents()).toEqual(
      expect.arrayContaining(['/mutation/book-room', '/mutation/cleanup', '/mutation/checkin', '/mutation/register-room', '/query/rooms']),
    );
    expect(await page.locator('.opblock').count()).toBe(DOCUMENTED_ROUTES);
    await page.screenshot({ path: join(ARTIFACTS, 'openapi.png'), fullPage: false });
    expect(refused).toEqual([]);
  });

  it('renders the AsyncAPI page at /asyncapi, styled from the app\'s origin, nothing refused', async () => {
    await page.goto(`${base}/asyncapi`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Hotel');
    expect(await page.locator('#channel-HOTEL_room-day h3 code').textContent()).toBe('hotel.room-day.{roomId}.{date}');
    expect(await page.evaluate<string>('getComputedStyle(document.body).maxWidth')).toBe('1100px');
    await page.screenshot({ path: join(ARTIFACTS, 'asyncapi.png'), fullPage: false });
    expect(refused).toEqual([]);
  });
});
