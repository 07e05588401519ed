import { decodeEvents, UndecodableEvent } from '@adapter/event-store/cloudevent.codec';
import { CliError } from '../cli-error';
import type { CliCommand } from '../cli-command';
import { storedMessages, streamOf } from '../cli-sources';

/** One entity's events, as the CloudEvents they were stored as. */
export const historyCommand: CliCommand = {
  name: 'history',
  arguments: '<subject>',
  summary: "one entity's events, as CloudEvents JSON lines",
  details:
    'Reads every message stored on <subject> (`*` and `>` allowed, as in NATS) from the event stream that holds it, in stream order,\n' +
    'checks it with the CloudEvents codec, and prints each event as the CloudEvent it was stored as, one JSON object a line;\n' +
    "a decision's events stored together (a batch) come one a line. A message that is not an event of the stream is named on stderr.",
  example: 'npx nats-event-model history hotel.room-day.1.2022-12-12',
  flags: [],
  positionals: { min: 1, max: 1 },
  run: async ({ out, nats }, { positionals: [subject = ''] }) => {
    const stream = streamOf(subject);
    const client = await nats();
    let found = 0;
    for await (const message of storedMessages(client, stream.name, subject)) {
      found++;
      const body = message.string();
      try {
        decodeEvents(stream, { subject: message.subject, sequence: message.seq, body });
      } catch (error) {
        if (!(error instanceof UndecodableEvent)) throw error;
        out.note(`${stream.name} #${message.seq} on ${message.subject} is not an event of the stream (${error.message}); skipped`);
        continue;
      }
      const parsed: unknown = JSON.parse(body);
      for (const event of Array.isArray(parsed) ? parsed : [parsed]) out.json(event);
    }
    if (found === 0) throw new CliError(`${stream.name} holds nothing on ${subject}: check the ids and the date (subjects look like hotel.room-day.1.2022-12-12)`);
  },
};
