// Completes `tsc -p` of tsconfig.web.json, tsconfig.ops-web.json and tsconfig.pager-web.json, which compile each page
// into dist/web-modules/<page>/ with the source folders kept: gathers each page's compiled modules, HTML and
// stylesheet into one flat folder, dist/web/<page>/, and removes modules whose source is gone, so each folder of
// dist/web is a page. A page's folders are one folder to its modules (the tsconfig's `rootDirs`): the pages on the
// `/live` websocket import the link from adapter/live/web/ as `./live-link.js`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIVE_LINK = join('adapter', 'live', 'web');
const PAGES = [
  { page: 'live-board', sources: [join('feature', 'hotel', 'live-board', 'web'), LIVE_LINK] },
  { page: 'outbox', sources: [join('adapter', 'ops', 'web')] },
  { page: 'on-call-console', sources: [join('feature', 'pager', 'on-call-console', 'web'), LIVE_LINK] },
];

for (const { page, sources } of PAGES) {
  const target = join(root, 'dist', 'web', page);
  const modules = join(root, 'dist', 'web-modules', page);
  mkdirSync(target, { recursive: true });
  const built = new Map();
  for (const source of sources) {
    for (const name of readdirSync(join(root, source))) {
      if (!/\.(ts|html|css)$/.test(name)) continue;
      const output = name.replace(/\.ts$/, '.js');
      if (built.has(output)) throw new Error(`page ${page}: ${join(source, name)} and ${built.get(output)} would both be ${output}`);
      built.set(output, join(source, name));
      const from = output === name ? join(root, source, name) : join(modules, source, output);
      if (!existsSync(from)) throw new Error(`page ${page}: ${from} is missing; run tsc for the page first (npm run build:web)`);
      copyFileSync(from, join(target, output));
    }
  }
  for (const name of readdirSync(target)) {
    if (!built.has(name)) rmSync(join(target, name), { recursive: true });
  }
}
