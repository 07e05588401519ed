import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { KV } from '@nats-io/kv';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import { ConsistencyTimeout } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@stream/event-stream';
import { decodeEvents, UndecodableEvent, type StoredMessage } from '@adapter/event-store/cloudevent.codec';
import { DurableConsumer, type Outcome } from '@adapter/consumer/durable-consumer';
import { StateCache } from '@adapter/event-store/state-cache';
import type { NatsClient } from '@adapter/nats/nats.client';
import { decodeViewEntry, encodeViewEntry, isRevisionConflict, readView, type StoredViewEntry } from './view-store';

export interface ProjectorOptions<E, D> {
  readonly stream: EventStreamDefinition;
  readonly filterSubject: string;
  readonly projection: Projection<E, D>;
  readonly replicas?: number;
}

/**
 * Keeps a state view in a KV bucket, fed by its own durable consumer. Each event is applied
 * exactly once in effect: the document records the last stream sequence applied to it, and is
 * written back with compare-and-set on the entry's revision. A failed write is retried in place,
 * never skipped, so the view never misses an event. The consumer hands out one message at a time
 * (`max_ack_pending` 1), so even several app instances apply a document's events in stream order.
 */
export class KvProjector<E extends Message<string, unknown>, D> {
  private readonly logger: Logger;
  private readonly consumer: DurableConsumer<E>;
  private bucket: KV | undefined;
  private stopping = false;
  private readonly documents = new StateCache<StoredViewEntry<D>>(10_000);

  constructor(
    private readonly nats: NatsClient,
    private readonly options: ProjectorOptions<E, D>,
  ) {
    this.logger = new Logger(`Projection ${options.projection.name}`);
    this.consumer = new DurableConsumer<E>(nats, {
      name: `view-${options.projection.name}`,
      stream: options.stream,
      filterSubject: options.filterSubject,
      handle: (events) => this.apply(this.view, events, this.documents),
      maxAckPending: 1,
    });
  }

  get viewName(): string {
    return this.options.projection.name;
  }

  get bucketName(): string {
    return bucketName(this.options.projection.name);
  }

  get view(): KV {
    if (!this.bucket) throw new Error(`view ${this.options.projection.name} is not open yet: call ensure() first`);
    return this.bucket;
  }

  async ensure(): Promise<void> {
    this.bucket = await this.openBucket(this.bucketName);
    await this.consumer.ensure();
  }

  start(): void {
    this.stopping = false;
    this.consumer.start();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.stop();
  }

  async read(key: string): Promise<StoredViewEntry<D> | null> {
    return readView<D>(this.view, key);
  }

  /**
   * Waits until the view has applied everything up to `sequence` of its stream (read your own writes).
   * This process's own progress answers first; the consumer's state on the server is asked between
   * waits, for when another instance applied the event.
   */
  async waitFor(sequence: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.consumer.processedThrough < sequence) {
      await this.localProgress(sequence, Math.min(25, Math.max(1, deadline - Date.now())));
      if (this.consumer.processedThrough >= sequence || (await this.caughtUpOnServer(sequence))) return;
      if (Date.now() >= deadline) {
        throw new ConsistencyTimeout(
          `view ${this.options.projection.name} has not reached sequence ${sequence} within ${timeoutMs} ms; retry the query`,
        );
      }
    }
  }

  /** Resolves when this process has applied `sequence`, or after `ms`. */
  private localProgress(sequence: number, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const unsubscribe = this.consumer.onProgress((reached) => reached >= sequence && done());
      function done(): void {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }

  /**
   * Replays the whole stream into another bucket, with the same projection: a rebuild from scratch.
   * Messages the live view dead-letters are skipped here too, so both end equal.
   */
  async replayInto(targetBucket: string): Promise<number> {
    const target = await this.openBucket(targetBucket);
    const { stream, filterSubject } = this.options;
    const consumer = await this.nats.js.consumers.get(stream.name, { filter_subjects: filterSubject });
    let replayed = 0;
    for (;;) {
      const message = await consumer.next({ expires: 1_000 });
      if (!message) return replayed;
      const events = decodeOrSkip<E>(stream, { subject: message.subject, sequence: message.seq, body: message.string() });
      if (events) await this.apply(target, events);
      replayed++;
      if (message.info.pending === 0) return replayed;
    }
  }

  private async apply(bucket: KV, events: readonly RecordedEvent<E>[], cache?: StateCache<StoredViewEntry<D>>): Promise<Outcome> {
    const byKey = new Map<string, RecordedEvent<E>[]>();
    for (const recorded of events) {
      const key = this.options.projection.keyOf(recorded.event);
      if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), recorded]);
    }
    for (const [key, keyed] of byKey) await this.applyToKey(bucket, key, keyed, cache);
    return { kind: 'done' };
  }

  /**
   * Applies one message's events to one document. The cached entry saves the read while this
   * projector is the only writer; if anyone else wrote, the compare-and-set fails and the entry is read again.
   * Events that leave the document as it was write nothing.
   */
  private async applyToKey(
    bucket: KV,
    key: string,
    events: readonly RecordedEvent<E>[],
    cache?: StateCache<StoredViewEntry<D>>,
  ): Promise<void> {
    const position = events[0]?.metadata.sequence ?? 0;
    let current = cache?.get(key)?.state;
    for (let attempt = 0; ; attempt++) {
      try {
        if (current === undefined) current = decodeViewEntry<D>(await bucket.get(key)) ?? undefined;
        if (current && current.position >= position) return;
        const view = this.evolve(current?.view ?? null, events);
        if (view === null || view === current?.view) return;
        const entry = { position, updatedAt: new Date().toISOString(), view };
        const value = encodeViewEntry(entry);
        const revision = current ? await bucket.update(key, value, current.revision) : await bucket.create(key, value);
        cache?.set(key, { ...entry, revision }, revision);
        return;
      } catch (error) {
        current = undefined;
        if (isRevisionConflict(error)) continue;
        if (this.stopping) throw error;
        this.logger.warn({ message: 'view write failed, retrying', key, position, attempt, error: String(error) });
        await sleep(Math.min(100 * 2 ** attempt, 5_000));
      }
    }
  }

  private evolve(document: D | null, events: readonly RecordedEvent<E>[]): D | null {
    return events.reduce<D | null>((view, recorded) => this.options.projection.evolve(view, recorded), document);
  }

  private async caughtUpOnServer(sequence: number): Promise<boolean> {
    const info = await this.nats.jsm.consumers.info(this.options.stream.name, this.consumer.name).catch(() => null);
    if (!info) return false;
    return info.ack_floor.stream_seq >= sequence || (info.num_pending === 0 && info.num_ack_pending === 0 && info.delivered.stream_seq > 0);
  }

  private async openBucket(name: string): Promise<KV> {
    return this.nats.kvm.create(name, { history: 5, replicas: this.options.replicas ?? 1, storage: 'file' });
  }
}

const decodeOrSkip = <E extends Message<string, unknown>>(stream: EventStreamDefinition, message: StoredMessage): RecordedEvent<E>[] | undefined => {
  try {
    return decodeEvents<E>(stream, message);
  } catch (error) {
    if (error instanceof UndecodableEvent) return undefined;
    throw error;
  }
};

/** KV bucket names of views: `view-<projection name>`. */
export const bucketName = (projection: string): string => `view-${projection}`;
