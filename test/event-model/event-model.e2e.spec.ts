import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HOTEL_BOARD } from '@feature/hotel/hotel.board';
import { eventsStoredBy, isStateView } from '@libs/event-model/board';
import { boardPagePath } from '@libs/event-model/board-svg';
import { BOARDS } from '@app/boards';
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

  it('is the pages `npm run model` writes: an index of the boards, and a page for each', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'event-model-'));
    try {
      await promisify(execFile)('npx', ['tsx', 'scripts/model.ts', folder], { cwd: process.cwd() });
      const index = await fetch(`${base}/model`);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await index.text()).toBe(await readFile(join(folder, 'index.html'), 'utf8'));
      for (const board of BOARDS) {
        const page = await fetch(`${base}/${boardPagePath(board)}`);
        expect(await page.text()).toBe(await readFile(join(folder, boardPagePath(board)), 'utf8'));
      }
      expect((await fetch(`${base}/model/nowhere.html`)).status).toBe(404);
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
    await page.click(`a[href="${boardPagePath(HOTEL_BOARD)}"]`);
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
