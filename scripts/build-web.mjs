// Completes `tsc -p tsconfig.web.json` and `tsc -p tsconfig.ops-web.json`: copies each page's HTML and stylesheet
// next to its compiled modules, and removes modules whose source is gone, so each folder of dist/web is a page.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = [
  { source: join(root, 'feature', 'hotel', 'live-board', 'web'), target: join(root, 'dist', 'web', 'live-board') },
  { source: join(root, 'adapter', 'ops', 'web'), target: join(root, 'dist', 'web', 'outbox') },
];

for (const { source, target } of PAGES) {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (name.endsWith('.html') || name.endsWith('.css')) copyFileSync(join(source, name), join(target, name));
  }
  for (const name of readdirSync(target)) {
    if (name.endsWith('.js') && !existsSync(join(source, name.replace(/\.js$/, '.ts')))) rmSync(join(target, name));
  }
}
