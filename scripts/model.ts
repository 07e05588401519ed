import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BOARDS } from '@app/boards';
import { boardIndexPage, boardPage, boardPagePath } from '@libs/event-model/board-svg';

/**
 * `npm run model [-- <folder>]`: renders the Event Model of every board from the slice declarations, as the app
 * serves them: `<folder>/index.html` (the app's `/model`) and `<folder>/model/<board>.html` (its `/model/<board>.html`).
 */
const folder = resolve(process.argv[2] ?? 'dist/event-model');
mkdirSync(join(folder, 'model'), { recursive: true });
writeFileSync(join(folder, 'index.html'), boardIndexPage(BOARDS));
for (const board of BOARDS) writeFileSync(join(folder, boardPagePath(board)), boardPage(board));
process.stdout.write(`Event Models of ${BOARDS.map(({ title }) => title).join(', ')} written to ${folder}\n`);
