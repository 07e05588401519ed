import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import { AppHarness } from '@test/app.harness';
import { launchChromium, type Chromium } from '@test/chromium';
import { booking } from '@test/hotel.requests';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const date = '2031-05-17';
const cell = (page: Page, room: string, state = '') => page.locator(`.room[data-room="${room}"]${state}`);
const form = (page: Page, command: string) => page.locator(`form[data-command="${command}"]`);

/** Fills a command form and sends it; the board's date is already in the form. */
const submit = async (page: Page, command: string, fields: Record<string, string>): Promise<void> => {
  for (const [name, value] of Object.entries(fields)) await form(page, command).locator(`input[name="${name}"]`).fill(value);
  await form(page, command).locator('button[type="submit"]').click();
};

interface ProxiedLink {
  readonly page: WebSocketRoute;
  readonly server: WebSocketRoute;
  readonly sent: string[];
  readonly received: string[];
  /** Drops the server's frames on their way to the page, as a dead link would. */
  silent: boolean;
}

/** Passes a frame on, keeping a copy; a silenced link keeps it only. */
const relay = (log: string[], to: WebSocketRoute, link?: ProxiedLink) => (message: string | Buffer): void => {
  log.push(String(message));
  if (!link?.silent) to.send(message);
};

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (const deadline = Date.now() + 10_000; !check(); await new Promise((resolve) => setTimeout(resolve, 25))) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 10 s`);
  }
};

describe('the live board, in a browser', () => {
  let browser: Chromium;
  let harness: AppHarness;
  let base: string;
  let page: Page;
  /** The page's websocket connections, through a proxy that records the frames both ways. */
  const sockets: ProxiedLink[] = [];
  /** Uncaught errors and console errors of the page, but for the refused commands' HTTP statuses. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    harness = await AppHarness.start();
    base = await harness.listen();
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && pageErrors.push(message.text()));
    // A fake clock, running at normal speed, lets a test skip the 40 s after which a silent link counts as dead.
    await page.clock.install();
    await page.routeWebSocket(/\/live/, (socket) => {
      const server = socket.connectToServer();
      const link: ProxiedLink = { page: socket, server, sent: [], received: [], silent: false };
      sockets.push(link);
      socket.onMessage(relay(link.sent, server));
      server.onMessage(relay(link.received, socket, link));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it('serves the page without caching, and / leads to it', async () => {
    const home = await harness.get('/');
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe('/board');
    const board = await harness.get('/board');
    expect(board.status).toBe(200);
    expect(board.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(board.headers['cache-control']).toBe('no-cache');
    const script = await harness.get('/board/board.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await harness.get('/board/..%2Fpackage.json')).status).toBe(404);
  });

  it('follows a booking live: booked, cleaning scheduled by the bot, cleaned, ready, occupied', async () => {
    await page.goto(`${base}/board?date=${date}`);
    await page.locator('#connection[data-state="live"]').waitFor();
    await page.locator('#board[data-sync="ready"]').waitFor();
    await cell(page, '5').waitFor();
    expect(await page.locator('.room').count()).toBe(5);
    await expectCell(page, '2', 'free', 'Free', 'Nothing to clean');
    // Set in the page: still there at the end proves that nothing reloaded it.
    await page.evaluate(() => ((globalThis as Record<string, unknown>).sameDocument = true));

    await submit(page, 'book-room', { room: '2', client: '7' });
    await cell(page, '2', '[data-availability="booked"]').waitFor();
    expect(await cell(page, '2', ' .availability .value').textContent()).toBe('Booked — client 7');
    await cell(page, '2', '[data-cleaning="scheduled"]').waitFor({ timeout: 25_000 });
    expect(await cell(page, '2', ' .cleaning .value').textContent()).toMatch(/^Scheduled — team (blue|green|orange)$/);

    await submit(page, 'cleanup', { room: '2' });
    await cell(page, '2', '[data-availability="available"][data-cleaning="cleaned"]').waitFor();
    await expectCell(page, '2', 'available', 'Ready — client 7', /^Cleaned — team (blue|green|orange)$/);
    expect(await form(page, 'cleanup').locator('.outcome[data-outcome="ok"]').textContent()).toContain('Room 2 is cleaned');

    await submit(page, 'checkin', { room: '2', client: '7' });
    await cell(page, '2', '[data-availability="occupied"]').waitFor();
    expect(await cell(page, '2', ' .availability .value').textContent()).toBe('Occupied — client 7');
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).sameDocument)).toBe(true);
  });

  it('shows a refusal with its problem details: the failing fields, or the broken rule', async () => {
    await submit(page, 'book-room', { room: 'a.b', client: '8' });
    const invalid = form(page, 'book-room').locator('.outcome[data-outcome="problem"][data-status="400"]');
    await invalid.waitFor();
    expect(await invalid.locator('.outcome-errors li').allTextContents()).toEqual([expect.stringMatching(/^data\.room\.id: /)]);

    await submit(page, 'book-room', { room: '2', client: '8' });
    const refused = form(page, 'book-room').locator('.outcome[data-outcome="problem"][data-status="409"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(`room 2 is already booked on ${date} by another client`);
    expect(await refused.textContent()).toContain('Rule: room-already-booked');
    await cell(page, '2', '[data-availability="occupied"]').waitFor();
  });

  it('shows another date from its own views, and comes back to this one', async () => {
    await page.locator('#board-date').fill('2031-05-18');
    await page.locator('#board[data-sync="ready"]').waitFor();
    await expectCell(page, '2', 'free', 'Free', 'Nothing to clean');
    expect(await form(page, 'book-room').locator('input[name="date"]').inputValue()).toBe('2031-05-18');
    expect(new URL(page.url()).searchParams.get('date')).toBe('2031-05-18');

    await page.locator('#board-date').fill(date);
    await cell(page, '2', '[data-availability="occupied"][data-cleaning="cleaned"]').waitFor();
    await page.locator('#board-date').blur();
  });

  it('reconnects after the link drops and resumes after the last revisions it saw', async () => {
    const first = sockets.at(-1);
    if (!first) throw new Error('the page never opened its websocket');
    await first.page.close({ code: 1001, reason: 'test drops the link' });
    await first.server.close();
    expect((await harness.put('/mutation/book-room', booking(4, 9, date))).status).toBe(201);

    await cell(page, '4', '[data-availability="booked"]').waitFor();
    await page.locator('#connection[data-state="live"]').waitFor();
    const resumed = sockets.at(-1);
    expect(resumed).not.toBe(first);
    const subscriptions = (resumed?.sent ?? []).map((frame) => JSON.parse(frame) as unknown);
    expect(subscriptions).toEqual(
      expect.arrayContaining([
        { type: 'subscribe', id: 'rooms', view: 'room-list', key: '>', after: expect.any(Number) },
        { type: 'subscribe', id: expect.stringMatching(`^bookings-${date}-`), view: 'booking-board', key: `*.${date}`, after: expect.any(Number) },
        { type: 'subscribe', id: expect.stringMatching(`^cleaning-${date}-`), view: 'cleanup-schedule', key: date, after: expect.any(Number) },
      ]),
    );
    // Only what changed since the link dropped comes again: room 4's booking, nothing of room 2 or of the room list.
    const values = (resumed?.received ?? []).map((frame) => JSON.parse(frame) as { type: string; id?: string; key?: string });
    const changed = values.filter((message) => message.type === 'value' && message.id?.startsWith('bookings-')).map((message) => message.key);
    expect(new Set(changed)).toEqual(new Set([`4.${date}`]));
    expect(values.filter((message) => message.type === 'value' && message.id === 'rooms')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('treats a link silent for 40 s as dead, and resumes on a new one', async () => {
    const silenced = sockets.at(-1);
    if (!silenced) throw new Error('the page has no websocket');
    silenced.silent = true;
    await page.clock.fastForward(41_000);
    await until(() => sockets.length > 0 && sockets.at(-1) !== silenced, 'a new connection');
    await until(() => (sockets.at(-1)?.sent.length ?? 0) >= 3, 'the subscriptions on the new connection');
    const resubscribed = (sockets.at(-1)?.sent ?? []).map((frame) => JSON.parse(frame) as { after?: number });
    expect(resubscribed.every((frame) => typeof frame.after === 'number')).toBe(true);
    await page.locator('#connection[data-state="live"]').waitFor();
    expect((await harness.put('/mutation/book-room', booking(5, 3, date))).status).toBe(201);
    await cell(page, '5', '[data-availability="booked"]').waitFor();

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'live-board.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'live-board-phone.png'), fullPage: true });
  });
});

const expectCell = async (page: Page, room: string, availability: string, label: string, cleaning: string | RegExp): Promise<void> => {
  const target = cell(page, room);
  expect(await target.getAttribute('data-availability')).toBe(availability);
  expect(await target.locator('.availability .value').textContent()).toBe(label);
  expect(await target.locator('.cleaning .value').textContent()).toMatch(cleaning);
};
