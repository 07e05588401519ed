import { settingsOf } from '@libs/event-model/board';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { BoardSettings } from '@adapter/config/board-settings';
import { decodeEvents, UndecodableEvent } from '@adapter/event-store/cloudevent.codec';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import type { NatsClient } from '@adapter/nats/nats.client';
import type { AutomationReactions } from '@adapter/runtime/automation.runner';
import { boardReactions } from '@adapter/runtime/board-automations';
import { SliceHandlers } from '@libs/command/slice-handlers';
import { BOARDS } from '@app/boards';
import { flagValue, type ParsedArgs } from '../cli-args';
import { CliError, UsageError } from '../cli-error';
import type { CliCommand } from '../cli-command';
import { eventStreamNamed } from '../cli-sources';
import { CONSUMER_FLAG, deadLetterOf, deadLetters, type DeadLetter } from './dead-letters.command';

/** Hands dead-lettered messages back to the automation that gave up on them, and removes each one that went through. */
export const redriveCommand: CliCommand = {
  name: 'redrive',
  arguments: '[sequence...]',
  summary: 'runs dead-lettered messages through their automation again; each one that goes through is removed',
  details:
    'For each dead letter (its sequence in DEAD_LETTER, as `dead-letters` lists them; or --consumer <name>, or --all), reads the\n' +
    "original message from its stream, decodes it and runs the automation's own reaction to it, here in the CLI: the reactor,\n" +
    'then each command it calls for, with the event as its cause. The command is an idempotent decision, so an event whose\n' +
    'command already went through stores nothing new: an automation never fires twice for one event. A dead letter is removed\n' +
    'only after its reaction succeeded (a business refusal counts as handled, as in the app); otherwise it is kept and named.\n' +
    "A view's dead letters are not re-driven: a view applies events in stream order and cannot take one back out of order;\n" +
    'rebuild the view instead (`rebuild <view>`).',
  example: 'npx nats-event-model redrive 3 4   |   npx nats-event-model redrive --consumer automation-schedule-cleaning',
  flags: [CONSUMER_FLAG, { name: 'all', description: 'every dead letter' }],
  positionals: { min: 0, max: 1_000 },
  run: async ({ out, nats, env }, args) => {
    const client = await nats();
    const letters = await chosen(client, args);
    const settings = new BoardSettings(settingsOf(BOARDS), env, !env.NATS_URL?.trim());
    const automations = boardReactions(BOARDS, new SliceHandlers(BOARDS, new JetStreamEventStore(client), { maxAttempts: 5 }), settings);
    let failed = 0;
    for (const letter of letters) {
      const { kept } = await redrive(client, letter, automations);
      if (kept === undefined) out.line(`re-driven #${letter.sequence} (${letter.consumer}: ${letter.stream} #${letter.streamSequence} ${letter.subject}), removed`);
      else {
        failed++;
        out.note(`kept #${letter.sequence} (${letter.consumer}): ${kept}`);
      }
    }
    if (failed > 0) throw new CliError(`${failed} of ${letters.length} dead letters were not re-driven and are kept (see above)`);
  },
};

/** Nothing once the dead letter was re-driven and removed; else why it is kept. */
type Outcome = { readonly kept?: never } | { readonly kept: string };

const chosen = async (nats: NatsClient, args: ParsedArgs): Promise<DeadLetter[]> => {
  const consumer = flagValue(args, 'consumer');
  const ways = [args.positionals.length > 0, consumer !== undefined, args.flags.has('all')].filter(Boolean).length;
  if (ways !== 1) throw new UsageError('name the dead letters to re-drive in one way: their sequences (see dead-letters), --consumer <name>, or --all');
  if (args.positionals.length === 0) {
    const letters: DeadLetter[] = [];
    for await (const letter of deadLetters(nats, consumer)) letters.push(letter);
    if (letters.length === 0) throw new CliError(consumer ? `${consumer} has no dead letters` : 'there are no dead letters');
    return letters;
  }
  return Promise.all(
    args.positionals.map(async (raw) => {
      const sequence = Number(raw);
      if (!Number.isInteger(sequence) || sequence < 1) throw new UsageError(`${raw} is not a dead letter's sequence: see dead-letters`);
      const message = await nats.jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq: sequence }).catch(() => null);
      if (!message) throw new CliError(`${DEAD_LETTER_STREAM.name} has no message #${sequence} (re-driven already?): see dead-letters`);
      return deadLetterOf(message);
    }),
  );
};

/** Re-drives one dead letter: removed once its reaction went through, else kept, saying why. */
const redrive = async (nats: NatsClient, letter: DeadLetter, automations: readonly AutomationReactions<never>[]): Promise<Outcome> => {
  if (letter.consumer.startsWith('view-')) {
    const view = letter.consumer.slice('view-'.length);
    return { kept: `a view applies events in stream order and cannot take one back out of order; repair it with a rebuild: npx nats-event-model rebuild ${view}` };
  }
  const automation = automations.find(({ consumer }) => consumer === letter.consumer);
  if (!automation) return { kept: `no automation of this app is named ${letter.consumer}` };
  const stream = eventStreamNamed(letter.stream);
  if (!stream) return { kept: `${letter.stream} is not an event stream of this app` };
  const original = await nats.jsm.streams.getMessage(stream.name, { seq: letter.streamSequence }).catch(() => null);
  if (!original || original.subject !== letter.subject) return { kept: `${stream.name} #${letter.streamSequence} on ${letter.subject} is not in the stream` };
  try {
    const events = decodeEvents<never>(stream, { subject: original.subject, sequence: original.seq, body: original.string() });
    await automation.handle(events);
  } catch (error) {
    if (error instanceof UndecodableEvent) return { kept: `still not an event of ${stream.name} (${error.message}); nothing can apply it` };
    return { kept: `the automation failed again (${error instanceof Error ? error.message : String(error)})` };
  }
  await nats.jsm.streams.deleteMessage(DEAD_LETTER_STREAM.name, letter.sequence);
  return {};
};
