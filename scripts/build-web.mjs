// Completes `tsc -p tsconfig.web.json`: copies the live board's page and stylesheet next to its
// compiled modules, and removes modules whose source is gone, so dist/web/live-board is the page.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'feature', 'hotel', 'live-board', 'web');
const target = join(root, 'dist', 'web', 'live-board');

mkdirSync(target, { recursive: true });
for (const name of readdirSync(source)) {
  if (name.endsWith('.html') || name.endsWith('.css')) copyFileSync(join(source, name), join(target, name));
}
for (const name of readdirSync(target)) {
  if (name.endsWith('.js') && !existsSync(join(source, name.replace(/\.js$/, '.ts')))) rmSync(join(target, name));
}
