import { parseViewEntry } from '@adapter/projection/view-store';
import { CliError } from '../cli-error';
import type { CliCommand } from '../cli-command';
import { openViewAt } from './view.command';

/** How a view's document got where it is: the revisions its bucket still keeps. */
export const viewHistoryCommand: CliCommand = {
  name: 'view-history',
  arguments: '<view> <key>',
  summary: "the revisions of a view's document its bucket still keeps (the last 5)",
  details:
    "Prints each revision the view's active bucket keeps for <key>, oldest first, as one JSON line:\n" +
    '{"key","revision","operation","position","updatedAt","view"}. A bucket keeps the last 5 revisions of a key; a rebuilt view\n' +
    'starts a new history. The whole history of the entity is in its events: see `history`.',
  example: 'npx nats-event-model view-history booking-board 1.2022-12-12',
  flags: [],
  positionals: { min: 2, max: 2 },
  run: async ({ out, nats }, { positionals: [name = '', key = ''] }) => {
    const { view, bucket } = await openViewAt(nats, name, key);
    let shown = 0;
    for await (const entry of await bucket.history({ key })) {
      const stored = entry.operation === 'PUT' && entry.length > 0 ? parseViewEntry<unknown>(entry.string()) : undefined;
      const { position, updatedAt, view: document } = stored ?? {};
      out.json({ key: entry.key, revision: entry.revision, operation: entry.operation, position, updatedAt, view: document });
      shown++;
    }
    if (shown === 0) throw new CliError(`view ${view} has no history under ${key}`);
  },
};
