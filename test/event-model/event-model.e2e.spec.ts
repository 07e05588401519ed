import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HOTEL_BOARD } from '@feature/hotel/hotel.board';
import { eventsStoredBy, isStateView } from '@libs/event-model/board';
import { AppHarness } from '@test/app.harness';
import { launchChromium, type Chromium } from '@test/chromium';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');

describe('the Event Model board at /model', () => {
  let harness: AppHarness;
  let browser: Chromium;
  let base: string;

  beforeAll(async () => {
    harness = await AppHarness.start();
    base = await harness.listen();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it('is the page `npm run model` writes', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'event-model-'));
    try {
      const file = join(folder, 'board.html');
      await promisify(execFile)('npx', ['tsx', 'scripts/model.ts', file], { cwd: process.cwd() });
      const served = await fetch(`${base}/model`);
      expect(served.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await served.text()).toBe(await readFile(file, 'utf8'));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('renders in a browser, under the app\'s content security policy, with every post-it of the declarations', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.setViewportSize({ width: 2100, height: 1000 });
    await page.goto(`${base}/model`);
    const counted = async (selector: string): Promise<string[]> => page.locator(`${selector} text:first-of-type`).allTextContents();
    expect((await counted('g.event')).sort()).toEqual(HOTEL_BOARD.slices.flatMap(eventsStoredBy).sort());
    expect(await counted('g.view')).toEqual(HOTEL_BOARD.slices.filter(isStateView).map(({ view }) => view.name));
    expect(await page.locator('g.command').count()).toBe(HOTEL_BOARD.slices.filter((slice) => !isStateView(slice)).length);
    const svg = await page.locator('svg').boundingBox();
    expect(svg?.width).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'event-model.png'), fullPage: true });
    await page.close();
  });
});
