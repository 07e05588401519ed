import type { StoredMsg } from '@nats-io/jetstream';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { flagValue } from '../cli-args';
import { JSON_FLAG, type CliCommand } from '../cli-command';
import { storedMessages } from '../cli-sources';

/** A dead letter as its headers describe it (see adapter/consumer/dead-letters.ts). */
export interface DeadLetter {
  /** Its sequence in DEAD_LETTER: how `redrive` names it. */
  readonly sequence: number;
  readonly consumer: string;
  readonly stream: string;
  readonly subject: string;
  /** The message's sequence in its own stream. */
  readonly streamSequence: number;
  readonly deliveries: number;
  readonly reason: string;
  readonly time: string;
}

export const deadLetterOf = (message: StoredMsg): DeadLetter => ({
  sequence: message.seq,
  consumer: message.header.get('Dead-Letter-Consumer'),
  stream: message.header.get('Dead-Letter-Stream'),
  subject: message.header.get('Dead-Letter-Subject'),
  streamSequence: Number(message.header.get('Dead-Letter-Sequence')),
  deliveries: Number(message.header.get('Dead-Letter-Deliveries')),
  reason: message.header.get('Dead-Letter-Reason'),
  time: message.time.toISOString(),
});

/** Every dead letter, or those of one consumer, oldest first. */
export async function* deadLetters(nats: Parameters<typeof storedMessages>[0], consumer?: string): AsyncGenerator<DeadLetter> {
  for await (const message of storedMessages(nats, DEAD_LETTER_STREAM.name, DEAD_LETTER_STREAM.subjects[0])) {
    const letter = deadLetterOf(message);
    if (consumer === undefined || letter.consumer === consumer) yield letter;
  }
}

export const CONSUMER_FLAG = { name: 'consumer', value: '<name>', description: 'only the dead letters of this consumer (automation-schedule-cleaning, view-booking-board)' };

/** What the consumers gave up on, and why. */
export const deadLettersCommand: CliCommand = {
  name: 'dead-letters',
  arguments: '',
  summary: 'the messages consumers gave up on, with why and where from',
  details:
    'Lists DEAD_LETTER: each dead letter with its sequence there (what `redrive` takes), the consumer that gave up, the message\n' +
    'it gave up on (stream, sequence, subject), its deliveries and the reason.',
  example: 'npx nats-event-model dead-letters --consumer automation-schedule-cleaning',
  flags: [JSON_FLAG, CONSUMER_FLAG],
  positionals: { min: 0, max: 0 },
  run: async ({ out, nats }, args) => {
    const rows: DeadLetter[] = [];
    for await (const letter of deadLetters(await nats(), flagValue(args, 'consumer'))) rows.push(letter);
    if (args.flags.has('json')) {
      for (const row of rows) out.json(row);
      return;
    }
    if (rows.length === 0) {
      out.note('no dead letters');
      return;
    }
    out.table(
      ['SEQ', 'CONSUMER', 'MESSAGE', 'SUBJECT', 'DELIVERIES', 'REASON'],
      rows.map((row) => [String(row.sequence), row.consumer, `${row.stream} #${row.streamSequence}`, row.subject, String(row.deliveries), row.reason]),
    );
  },
};
