import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { StateCache } from '@libs/cache/state-cache';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import { ServiceUnavailable } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import type { StreamMessage, StreamMessageQuery } from '@adapter/nats/jetstream-requests';
import { isTransientNatsError, type NatsClient } from '@adapter/nats/nats.client';
import { currentOperation } from '@adapter/telemetry/operation-context';
import { traceHeaders } from '@adapter/telemetry/trace-context';
import { decodeEvents, encodeEvents, UndecodableEvent, type EnvelopeContext, type StoredMessage } from './cloudevent.codec';
import { WrongExpectedSequence, type AppendOptions, type AppendResult, type EntityEvents, type EventStore, type KnownPosition } from '@libs/event-store/event-store';

/**
 * Long enough to outlast the crash of a stream's leader: a follower waits 4 to 9 s without heartbeats
 * before it campaigns (nats-server's raft), and a publish lost with the dead leader only fails after its
 * 5 s request timeout, so an append may need about 15 s to get through.
 */
export const DEFAULT_RETRY_BUDGET_MS = 15_000;

export interface EventStoreOptions {
  /** How long transient publish failures (timeouts, a leader election) are retried before 503. */
  readonly retryBudgetMs?: number;
  /** Where stored events are counted (the app's metrics). */
  readonly metrics?: EventStoreMetrics;
  /** Entities whose first sequence is remembered, to start their reads there (the most recently used). */
  readonly knownStarts?: number;
}

/** What the store counts: the events it stored, per stream and type. */
export interface EventStoreMetrics {
  eventsPublished(stream: string, types: readonly string[]): void;
}

/**
 * The event store on JetStream. An entity is one subject; its events are read from the stream's leader
 * and appended with `Nats-Expected-Last-Subject-Sequence`, which keeps business rules true
 * forever. `Nats-Msg-Id` is `<subject>@<expected sequence>`: a retried publish is absorbed as a
 * duplicate, and so is a concurrent writer that replicated streams before 2.9.21 would let through.
 */
export class JetStreamEventStore implements EventStore {
  private readonly retryBudgetMs: number;
  private readonly logger = new Logger('EventStore');
  private readonly metrics: EventStoreMetrics | undefined;
  /**
   * Where entities begin: the sequence of an entity's first message, learned when this store created it or read
   * it from its start. A read from the start begins there instead of at sequence 1: nats-server 2.9 answers a
   * `next_by_subj` by visiting every block from the one holding the start, loading each block's subject index
   * and evicting its cache, so reads from 1 cost more with every block the stream has.
   */
  private readonly starts: StateCache<null>;

  constructor(
    private readonly nats: NatsClient,
    options: EventStoreOptions = {},
  ) {
    this.retryBudgetMs = options.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS;
    this.metrics = options.metrics;
    this.starts = new StateCache(options.knownStarts ?? 50_000);
  }

  /**
   * Events of one entity stored after sequence `after`, in order. A message that is not an event of
   * the stream (nothing this store wrote) is skipped, as the views and automations dead-letter it,
   * so one foreign message on an entity's subject cannot block its commands forever.
   *
   * Reads go to the stream's leader (`STREAM.MSG.GET`), not to any replica (direct get): on a
   * replicated stream a follower may not have the newest message yet, and a decision confirmed on
   * such a read could refuse what an acknowledged command just made possible. A leader elected a
   * moment ago may still be applying what its predecessor stored: see `KnownPosition`.
   */
  async read<E extends Message<string, unknown>>(
    stream: EventStreamDefinition,
    subject: string,
    after = 0,
    { through = 0, stopThere = false }: KnownPosition = {},
  ): Promise<EntityEvents<E>> {
    const events: RecordedEvent<E>[] = [];
    let lastSequence = after;
    const start = after === 0 ? this.starts.get(subject)?.sequence : undefined;
    const deadline = Date.now() + this.retryBudgetMs;
    for (let attempt = 0; ; attempt++) {
      // Where the entity ends, asked first: the reads then stop at its last message instead of asking past it.
      const last = stopThere ? undefined : await this.get(stream, { last_by_subj: subject });
      const until = stopThere ? through : (last?.seq ?? 0);
      while (lastSequence < until) {
        const from = lastSequence === 0 && start !== undefined ? start : lastSequence + 1;
        const message = last && from === last.seq ? last : await this.get(stream, { seq: from, next_by_subj: subject });
        if (!message) break;
        if (lastSequence === 0) this.starts.set(subject, null, message.seq);
        lastSequence = message.seq;
        events.push(...this.decodeOrSkip<E>(stream, { subject: message.subject, sequence: message.seq, body: message.body }));
      }
      if (lastSequence >= through) return { events, lastSequence };
      if (Date.now() >= deadline) {
        throw new ServiceUnavailable(`the leader of ${stream.name} has not applied ${subject} up to sequence ${through} yet; retry in a moment`);
      }
      await sleep(backoff(attempt));
    }
  }

  private get(stream: EventStreamDefinition, query: StreamMessageQuery): Promise<StreamMessage | null> {
    return this.transient(() => this.nats.requests.getMessage(stream.name, query));
  }

  /**
   * Appends a decision's events as one message; all or none. The running operation's span goes with
   * them, as `traceparent` (and `tracestate`) headers and CloudEvents attributes, so whoever reacts to
   * them continues its trace.
   */
  async append<E extends Message<string, unknown>>(
    stream: EventStreamDefinition,
    subject: string,
    events: readonly E[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const foreign = events.filter(({ type }) => !stream.eventTypes.includes(type)).map(({ type }) => type);
    if (foreign.length > 0) throw new Error(`${stream.name} holds no events of type ${foreign.join(', ')}: readers would dead-letter them`);
    const eventIds = options.eventIds ?? events.map(() => randomUUID());
    if (eventIds.length !== events.length) throw new Error(`${events.length} events to append with ${eventIds.length} event ids`);
    const time = new Date().toISOString();
    const trace = traceHeaders(currentOperation()?.trace);
    const context: EnvelopeContext = { ...options, subject, time, ...trace };
    const encoded = encodeEvents(stream, events, eventIds, context);
    const headers = natsHeaders();
    headers.set('Content-Type', encoded.contentType);
    if (trace) headers.set('traceparent', trace.traceparent);
    if (trace?.tracestate) headers.set('tracestate', trace.tracestate);
    headers.set('Nats-Expected-Last-Subject-Sequence', String(options.expectedSequence));
    headers.set('Nats-Msg-Id', `${subject}@${options.expectedSequence}`);
    const ack = await this.transient(async () => {
      try {
        return await this.nats.requests.publish(subject, encoded.body, headers);
      } catch (error) {
        if (isWrongLastSequence(error)) throw new WrongExpectedSequence(subject, options.expectedSequence, { cause: error });
        throw error;
      }
    });
    if (ack.duplicate && !(await this.storedByUs(stream, ack.seq, eventIds[0]))) {
      throw new WrongExpectedSequence(subject, options.expectedSequence);
    }
    if (options.expectedSequence === 0) this.starts.set(subject, null, ack.seq);
    this.metrics?.eventsPublished(ack.stream, events.map((event) => event.type));
    return { stream: ack.stream, subject, sequence: ack.seq, eventIds, time };
  }

  private decodeOrSkip<E extends Message<string, unknown>>(stream: EventStreamDefinition, message: StoredMessage): RecordedEvent<E>[] {
    try {
      return decodeEvents<E>(stream, message);
    } catch (error) {
      if (!(error instanceof UndecodableEvent)) throw error;
      this.logger.error({ message: 'skipped a message that is not an event of the stream', stream: stream.name, subject: message.subject, sequence: message.sequence, reason: error.message });
      return [];
    }
  }

  /** A duplicate ack is ours when an earlier try of this very append was stored. */
  private async storedByUs(stream: EventStreamDefinition, sequence: number, firstEventId: string | undefined): Promise<boolean> {
    const message = await this.transient(() => this.nats.requests.getMessage(stream.name, { seq: sequence }));
    if (!message) return false;
    const [first] = decodeEvents(stream, { subject: message.subject, sequence, body: message.body });
    return first?.metadata.id === firstEventId;
  }

  /** Retries what a failover or a slow server makes fail, within the budget; fails fast while disconnected. */
  private async transient<T>(operation: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.retryBudgetMs;
    for (let attempt = 0; ; attempt++) {
      this.nats.assertConnected();
      try {
        return await operation();
      } catch (error) {
        if (!isTransientNatsError(error)) throw error;
        if (!this.nats.isConnected || Date.now() >= deadline) {
          throw new ServiceUnavailable('the event store (JetStream) did not answer in time; retry in a moment', {
            cause: error,
          });
        }
        await sleep(backoff(attempt));
      }
    }
  }
}

const backoff = (attempt: number): number => Math.min(50 * 2 ** attempt, 1_000);

const isWrongLastSequence = (error: unknown): boolean =>
  error instanceof JetStreamApiError &&
  (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
    error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown);
