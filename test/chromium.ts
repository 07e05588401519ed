import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium, headless, as quiet on the network as it gets: no updates, no sync, no QUIC. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'].concat(
  ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
);

export interface Chromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A browser for the page tests: the system's chromium (`CHROMIUM_BIN`, else /usr/bin/chromium; see
 * scripts/ensure-chromium.sh), never one downloaded by Playwright, with a fresh profile each time.
 */
export const launchChromium = async (): Promise<Chromium> => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'chromium-e2e-'));
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    })
    .catch((error: unknown) => {
      rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};
