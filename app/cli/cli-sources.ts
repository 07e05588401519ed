import type { NextMsgRequest, SeqMsgRequest, StoredMsg } from '@nats-io/jetstream';
import { isStateView, type StateViewSlice } from '@libs/event-model/board';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { matchesSubject } from '@libs/ids/subject-filter';
import type { NatsClient } from '@adapter/nats/nats.client';
import { BOARDS } from '@app/boards';
import { CliError } from './cli-error';

/** The event streams the CLI reads entities from: every board's. */
const EVENT_STREAMS: readonly EventStreamDefinition[] = BOARDS.flatMap(({ streams }) => streams);

/** Every state view of the app's boards. */
export const VIEWS: readonly StateViewSlice[] = BOARDS.flatMap(({ slices }) => slices.filter(isStateView));

/** The view of that name, or an error listing the views there are. */
export const findView = (name: string): StateViewSlice => {
  const view = VIEWS.find((candidate) => candidate.name === name);
  if (!view) throw new CliError(`there is no view ${name}: the views are ${VIEWS.map(({ name: known }) => known).join(', ')}`);
  return view;
};

/** The event stream that stores `subject`, or an error naming the streams and their subjects. */
export const streamOf = (subject: string): EventStreamDefinition => {
  const stream = EVENT_STREAMS.find((candidate) => candidate.subjects.some((filter) => matchesSubject(filter, subject)));
  if (!stream) {
    const known = EVENT_STREAMS.map(({ name, subjects }) => `${name}: ${subjects.join(', ')}`).join('; ');
    const example = EVENT_STREAMS[0]?.entities[0]?.subject;
    throw new CliError(`no event stream stores ${subject} (${known})${example ? `; an entity's subject looks like ${example}` : ''}`);
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
