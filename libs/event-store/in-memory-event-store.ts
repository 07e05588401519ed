import { randomUUID } from 'node:crypto';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import { ServiceUnavailable } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { matchesSubject } from '@libs/ids/subject-filter';
import { WrongExpectedSequence, type AppendOptions, type AppendResult, type EntityEvents, type EventStore, type KnownPosition } from './event-store';

/** One stored message: a decision's events under one sequence, as JetStream stores them. */
export interface StoredDecision {
  readonly stream: string;
  readonly subject: string;
  readonly sequence: number;
  readonly events: readonly RecordedEvent<Message<string, unknown>>[];
}

interface StreamLog {
  readonly messages: StoredDecision[];
  readonly lastBySubject: Map<string, number>;
  /** `<subject>@<expected sequence>` of every append, as the JetStream store's `Nats-Msg-Id`: what a retry is recognised by. */
  readonly byWriteId: Map<string, StoredDecision>;
}

/**
 * The event store in memory, for specifying a board's flows in milliseconds: the same rules as the
 * JetStream store (one subject per entity, sequences per stream, the expected last sequence of the
 * subject on every append, a retry of the same write absorbed), and events that go through JSON as
 * they would on the wire. Nothing is kept between runs. `messages` lists what a stream holds, for
 * what replays it (views, automations) in a flow spec.
 */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, StreamLog>();
  private readonly listeners = new Set<(stored: StoredDecision) => void>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  read<E extends Message<string, unknown>>(stream: EventStreamDefinition, subject: string, after = 0, { through = 0 }: KnownPosition = {}): Promise<EntityEvents<E>> {
    const log = this.log(stream.name);
    const events: RecordedEvent<E>[] = [];
    let lastSequence = after;
    for (const message of log.messages) {
      if (message.sequence <= after || message.subject !== subject) continue;
      events.push(...(message.events as readonly RecordedEvent<E>[]));
      lastSequence = message.sequence;
    }
    if (lastSequence < through) {
      return Promise.reject(new ServiceUnavailable(`${subject} has not reached sequence ${through} in ${stream.name}; nothing in memory ever catches up later`));
    }
    return Promise.resolve({ events, lastSequence });
  }

  append<E extends Message<string, unknown>>(stream: EventStreamDefinition, subject: string, events: readonly E[], options: AppendOptions): Promise<AppendResult> {
    const log = this.log(stream.name);
    const writeId = `${subject}@${options.expectedSequence}`;
    const eventIds = options.eventIds ?? events.map(() => randomUUID());
    if (eventIds.length !== events.length) return Promise.reject(new Error(`${events.length} events to append with ${eventIds.length} event ids`));
    const earlier = log.byWriteId.get(writeId);
    if (earlier !== undefined) {
      if (earlier.events[0]?.metadata.id === eventIds[0]) return Promise.resolve(resultOf(earlier));
      return Promise.reject(new WrongExpectedSequence(subject, options.expectedSequence));
    }
    if ((log.lastBySubject.get(subject) ?? 0) !== options.expectedSequence) return Promise.reject(new WrongExpectedSequence(subject, options.expectedSequence));
    const unknown = events.filter(({ type }) => !stream.eventTypes.includes(type)).map(({ type }) => type);
    if (unknown.length > 0) return Promise.reject(new Error(`${stream.name} holds no events of type ${unknown.join(', ')}`));
    const sequence = (log.messages.at(-1)?.sequence ?? 0) + 1;
    const time = this.clock().toISOString();
    const stored: StoredDecision = {
      stream: stream.name,
      subject,
      sequence,
      events: events.map((event, index) => ({
        event: JSON.parse(JSON.stringify(event)) as E,
        metadata: { id: eventIds[index] ?? '', stream: stream.name, subject, sequence, time, correlationId: options.correlationId, causationId: options.causationId },
      })),
    };
    log.messages.push(stored);
    log.lastBySubject.set(subject, sequence);
    log.byWriteId.set(writeId, stored);
    for (const listener of this.listeners) listener(stored);
    return Promise.resolve(resultOf(stored));
  }

  /** What `stream` holds after `after` on subjects matching `filter`, in order. */
  messages(stream: string, filter = '>', after = 0): readonly StoredDecision[] {
    return this.log(stream).messages.filter((message) => message.sequence > after && matchesSubject(filter, message.subject));
  }

  /** Calls `listener` with every message stored from now on; the returned function stops it. */
  onAppend(listener: (stored: StoredDecision) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private log(stream: string): StreamLog {
    let log = this.streams.get(stream);
    if (!log) {
      log = { messages: [], lastBySubject: new Map(), byWriteId: new Map() };
      this.streams.set(stream, log);
    }
    return log;
  }
}

const resultOf = (stored: StoredDecision): AppendResult => ({
  stream: stored.stream,
  subject: stored.subject,
  sequence: stored.sequence,
  eventIds: stored.events.map(({ metadata }) => metadata.id),
  time: stored.events[0]?.metadata.time ?? '',
});
