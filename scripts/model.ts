import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BOARDS } from '@app/event-model/boards';
import { boardPage } from '@libs/event-model/board-svg';

/** `npm run model [-- <file>]`: renders the Event Model of every board from the slice declarations. */
const target = resolve(process.argv[2] ?? 'dist/event-model.html');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, boardPage(BOARDS));
process.stdout.write(`Event Model of ${BOARDS.map(({ title }) => title).join(', ')} written to ${target}\n`);
