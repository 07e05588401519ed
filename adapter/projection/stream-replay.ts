import type { Logger } from '@nestjs/common';
import type { JsMsg } from '@nats-io/jetstream';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { decodeEvents, UndecodableEvent } from '@adapter/event-store/cloudevent.codec';
import { StateCache } from '@libs/cache/state-cache';
import type { NatsClient } from '@adapter/nats/nats.client';
import { StreamTail } from './stream-tail';
import type { ViewDocuments } from './view-documents';
import type { StoredViewEntry } from './view-store';
import type { ViewWriter } from './view-writer';

/** The subjects of a stream a view reads. */
export interface ViewSource {
  readonly stream: EventStreamDefinition;
  readonly filterSubject: string;
}

/** Where a replay stands after a batch. */
export interface ReplayProgress {
  /** Messages read and applied so far. */
  readonly read: number;
  /** Messages of the view's subjects the stream held after the last one read, when it was delivered. */
  readonly pending: number;
  /** The stream sequence through which every event is applied. */
  readonly through: number;
  /** Messages skipped because they are not events of the stream (the live view dead-lettered them). */
  readonly undecodable: number;
}

/** A message's events, or why it has none: it then goes to the dead letters, and a replay skips it. */
export type Decoded<E> = { events: RecordedEvent<E>[]; undecodable?: never } | { events?: never; undecodable: string };

export const decodeMessage = <E extends Message<string, unknown>>(stream: EventStreamDefinition, message: JsMsg): Decoded<E> => {
  try {
    return { events: decodeEvents<E>(stream, { subject: message.subject, sequence: message.seq, body: message.string() }) };
  } catch (error) {
    if (error instanceof UndecodableEvent) return { undecodable: error.message };
    throw error;
  }
};

/**
 * Applies every event of the view's subjects to `target`, in stream order, from the stream's first message
 * until the last one it held when the replay got there; `onBatch` hears after each batch is written. Events
 * are applied through the view's own writer, so a replay into a bucket some other writer also fills still
 * applies each event once.
 */
export const replayStream = async <E extends Message<string, unknown>, D>(
  nats: NatsClient,
  source: ViewSource,
  target: ViewDocuments,
  writer: ViewWriter<E, D>,
  logger: Logger,
  onBatch: (progress: ReplayProgress) => void = () => undefined,
): Promise<ReplayProgress> => {
  let progress: ReplayProgress = { read: 0, pending: 0, through: 0, undecodable: 0 };
  const first = await nats.jsm.direct.getMessage(source.stream.name, { seq: 1, next_by_subj: source.filterSubject });
  if (!first) return progress;
  const documents = new StateCache<StoredViewEntry<D>>(CACHED_DOCUMENTS);
  const tail = new StreamTail(nats, source.stream.name, source.filterSubject, BATCH_MAX * 2, logger).open(first.seq);
  try {
    for (let done = false; !done; ) {
      const batch = await tail.take(BATCH_MAX, () => false);
      const decoded = batch.map((message) => decodeMessage<E>(source.stream, message));
      await writer.apply(target, decoded.flatMap(({ events }) => events ?? []), documents);
      const last = batch.at(-1);
      progress = {
        read: progress.read + batch.length,
        pending: last?.info.pending ?? 0,
        through: last?.seq ?? progress.through,
        undecodable: progress.undecodable + decoded.filter(({ undecodable }) => undecodable !== undefined).length,
      };
      onBatch(progress);
      done = last?.info.pending === 0;
    }
  } finally {
    await tail.close();
  }
  return progress;
};

/** Messages folded into one batch at most. */
export const BATCH_MAX = 1_024;
/** Documents a replay remembers, to write without reading them first. */
const CACHED_DOCUMENTS = 10_000;
