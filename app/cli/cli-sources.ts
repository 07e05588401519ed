import type { NextMsgRequest, SeqMsgRequest, StoredMsg } from '@nats-io/jetstream';
import type { NatsClient } from '@adapter/nats/nats.client';
import { matchesKey } from '@adapter/live/key-pattern';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { HOTEL_VIEWS, type HotelView } from '@feature/hotel/hotel.views';
import { CliError } from './cli-error';

/** The event streams the CLI reads entities from. */
const EVENT_STREAMS: readonly EventStreamDefinition[] = [HOTEL_STREAM];

/** The view of that name, or an error listing the views there are. */
export const findView = (name: string): HotelView => {
  const view = HOTEL_VIEWS.find((candidate) => candidate.name === name);
  if (!view) throw new CliError(`there is no view ${name}: the views are ${HOTEL_VIEWS.map(({ name: known }) => known).join(', ')}`);
  return view;
};

/** The event stream that stores `subject`, or an error naming the streams and their subjects. */
export const streamOf = (subject: string): EventStreamDefinition => {
  const stream = EVENT_STREAMS.find((candidate) => candidate.subjects.some((filter) => matchesKey(filter, subject)));
  if (!stream) {
    const known = EVENT_STREAMS.map(({ name, subjects }) => `${name}: ${subjects.join(', ')}`).join('; ');
    throw new CliError(`no event stream stores ${subject} (${known}); an entity's subject looks like hotel.room-day.1.2022-12-12`);
  }
  return stream;
};

/** The event stream of that name, if the CLI knows it. */
export const eventStreamNamed = (name: string): EventStreamDefinition | undefined => EVENT_STREAMS.find((stream) => stream.name === name);

/** Every message of `stream` on `subject` (wildcards allowed), in order, read one by one from the stream's leader, which has every acknowledged one. */
export async function* storedMessages(nats: NatsClient, stream: string, subject: string): AsyncGenerator<StoredMsg> {
  for (let after = 0; ; ) {
    const request: SeqMsgRequest & NextMsgRequest = { seq: after + 1, next_by_subj: subject };
    const message = await nats.jsm.streams.getMessage(stream, request);
    if (!message) return;
    yield message;
    after = message.seq;
  }
}
