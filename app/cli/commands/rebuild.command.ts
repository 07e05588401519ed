import { rebuildView, RebuildRefused } from '@adapter/projection/view-rebuild';
import { integerFlag } from '../cli-args';
import { CliError } from '../cli-error';
import { JSON_FLAG, type CliCommand } from '../cli-command';
import { findView } from '../cli-sources';
import { ProgressBar } from '../progress-bar';

/** Rebuilds a view blue/green while the app keeps serving it. */
export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  arguments: '<view>',
  summary: "rebuilds a view from its stream into its other bucket while the app serves the old one, then switches",
  details:
    "Fills the view's other bucket (view-<name> or view-<name>-green) from the stream's first message with the slice's own\n" +
    'projection, showing messages applied / total, rate and ETA on stderr, until it has caught up with the stream; then seals\n' +
    "the active bucket (read-only) and switches the view's pointer (active.<view> in the projectors bucket) with compare-and-set.\n" +
    'Every app instance follows the pointer: queries and live feeds move to the new bucket, and the projecting instance goes on\n' +
    "from the new bucket's checkpoint. The old bucket is removed after --grace ms, unless --keep-old. Only one rebuild of a view\n" +
    'runs at a time; a second one is refused.',
  example: 'npx nats-event-model rebuild booking-board',
  flags: [
    JSON_FLAG,
    { name: 'keep-old', description: 'keep the old bucket, sealed (read-only), instead of removing it' },
    { name: 'grace', value: '<ms>', description: 'how long the old bucket stays after the switch, for app instances still moving (default 3000)' },
  ],
  positionals: { min: 1, max: 1 },
  run: async ({ out, nats }, args) => {
    const view = findView(args.positionals[0] ?? '');
    const graceMs = integerFlag(args, 'grace', 3_000);
    const client = await nats();
    const bar = new ProgressBar(out, `rebuild ${view.name}`, 'messages');
    const result = await rebuildView(client, { stream: view.stream, filterSubject: view.subjects, projection: view.projection }, {
      keepOld: args.flags.has('keep-old'),
      graceMs,
      onProgress: ({ read, pending }) => bar.update({ done: read, total: read + pending }),
    }).catch((error: unknown) => {
      if (error instanceof RebuildRefused) throw new CliError(error.message);
      throw error;
    });
    bar.finish();
    if (args.flags.has('json')) {
      out.json(result);
      return;
    }
    const { filled } = result;
    out.line(
      `${view.name}: ${result.from} -> ${result.to}, ${filled.read} messages applied through ${view.stream.name} #${filled.through}` +
        `${filled.undecodable > 0 ? ` (${filled.undecodable} not events, skipped as the live view dead-lettered them)` : ''}; ` +
        `${result.oldBucketRemoved ? `${result.from} removed` : `${result.from} kept, sealed`}`,
    );
  },
};
