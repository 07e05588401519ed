import type { Page } from 'playwright-core';
import { AppHarness } from '@test/app.harness';
import { launchChromium, type Chromium } from '@test/chromium';

const token = 'live-board-e2e-token-0123456789';
const date = '2031-05-17';
const bookRoom = (page: Page) => page.locator('form[data-command="book-room"]');

const book = async (page: Page, room: string, client: string): Promise<void> => {
  await bookRoom(page).locator('input[name="room"]').fill(room);
  await bookRoom(page).locator('input[name="client"]').fill(client);
  await bookRoom(page).locator('button[type="submit"]').click();
};

describe('the live board, when the hotel requires a token', () => {
  let browser: Chromium;
  let harness: AppHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await AppHarness.start({ authTokens: [token] });
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${await harness.listen()}/board?date=${date}`);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it('says the link and the commands are refused without it, and uses it once given, for this tab', async () => {
    await page.locator('#connection[data-state="unauthorized"]').waitFor();
    expect(await page.locator('#connection').textContent()).toBe('Access token refused');
    await book(page, '3', '5');
    const refused = bookRoom(page).locator('.outcome[data-outcome="problem"][data-status="401"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('needs credentials');

    await page.locator('.token summary').click();
    await page.locator('#access-token').fill(token);
    await page.locator('#access-token').press('Enter');
    await page.locator('#connection[data-state="live"]').waitFor();
    await book(page, '3', '5');
    await page.locator('.room[data-room="3"][data-availability="booked"]').waitFor();

    await page.reload();
    expect(await page.locator('#access-token').inputValue()).toBe(token);
    await page.locator('#connection[data-state="live"]').waitFor();
    await page.locator('.room[data-room="3"][data-availability="booked"]').waitFor();
  });
});
