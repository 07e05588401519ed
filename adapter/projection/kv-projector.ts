import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { KV } from '@nats-io/kv';
import type { JsMsg } from '@nats-io/jetstream';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import { ConsistencyTimeout } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@stream/event-stream';
import { decodeEvents, UndecodableEvent } from '@adapter/event-store/cloudevent.codec';
import { DeadLetters } from '@adapter/consumer/dead-letters';
import { StateCache } from '@adapter/event-store/state-cache';
import type { NatsClient } from '@adapter/nats/nats.client';
import { ProjectorLease, type LeaseTiming } from './projector-lease';
import { StreamTail } from './stream-tail';
import { ViewCheckpoint } from './view-checkpoint';
import { readView, type StoredViewEntry } from './view-store';
import { ViewWriter } from './view-writer';

export interface ProjectorOptions<E, D> {
  readonly stream: EventStreamDefinition;
  readonly filterSubject: string;
  readonly projection: Projection<E, D>;
  readonly replicas?: number;
  readonly lease?: LeaseTiming;
}

/**
 * Keeps a state view in a KV bucket. One app instance at a time projects it (a lease in the
 * `projectors` bucket); the holder reads the stream in order from the view's checkpoint, takes
 * whatever has arrived as one batch, folds it per document, writes each document once with
 * compare-and-set, then moves the checkpoint. Another instance takes over when the lease is
 * released or stops being renewed. Each event is applied exactly once in effect and in order,
 * whoever writes (see `ViewWriter`).
 */
export class KvProjector<E extends Message<string, unknown>, D> {
  private readonly logger: Logger;
  private readonly writer: ViewWriter<E, D>;
  private readonly deadLetters: DeadLetters;
  private readonly documents = new StateCache<StoredViewEntry<D>>(10_000);
  private readonly progressListeners = new Set<(sequence: number) => void>();
  private bucket: KV | undefined;
  private lease: ProjectorLease | undefined;
  private checkpoint: ViewCheckpoint | undefined;
  private tail: StreamTail | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private leaseLost = false;
  private applied = 0;

  constructor(
    private readonly nats: NatsClient,
    private readonly options: ProjectorOptions<E, D>,
  ) {
    this.logger = new Logger(`Projection ${options.projection.name}`);
    this.writer = new ViewWriter(options.projection, this.logger, () => !this.stopping);
    this.deadLetters = new DeadLetters(nats);
  }

  get viewName(): string {
    return this.options.projection.name;
  }

  get bucketName(): string {
    return bucketName(this.options.projection.name);
  }

  /** Dead letters of this view name it so. */
  get consumerName(): string {
    return `view-${this.options.projection.name}`;
  }

  get streamName(): string {
    return this.options.stream.name;
  }

  get filterSubject(): string {
    return this.options.filterSubject;
  }

  /** The stream sequence through which the view has applied everything: this instance's progress, or the stored checkpoint when further. */
  async position(): Promise<number> {
    return Math.max(this.applied, await this.requireCheckpoint().peek());
  }

  get view(): KV {
    if (!this.bucket) throw new Error(`view ${this.options.projection.name} is not open yet: call ensure() first`);
    return this.bucket;
  }

  /** Whether this instance projects the view right now. */
  get holdsLease(): boolean {
    return this.lease?.held ?? false;
  }

  /** Opens the view's bucket and the lease and checkpoint, and removes the durable consumer earlier versions fed the view from. */
  async ensure(): Promise<void> {
    this.bucket = await this.openBucket(this.bucketName);
    const progress = await this.nats.kvm.create(PROGRESS_BUCKET, { history: 1, replicas: this.options.replicas ?? 1, storage: 'file' });
    const name = this.options.projection.name;
    this.lease = new ProjectorLease(progress, leaseKey(name), randomUUID(), this.options.lease ?? LEASE);
    this.checkpoint = new ViewCheckpoint(progress, checkpointKey(name));
    await this.nats.jsm.consumers.delete(this.options.stream.name, this.consumerName).catch(() => undefined);
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  /** Finishes the batch in hand, stores the checkpoint and releases the lease for the next holder. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.tail?.interrupt();
    await this.running;
    this.running = undefined;
  }

  async read(key: string): Promise<StoredViewEntry<D> | null> {
    return readView<D>(this.view, key);
  }

  /**
   * Waits until the view has applied everything up to `sequence` of its stream (read your own writes).
   * This process's own progress answers first; otherwise the checkpoint, or the stream showing
   * nothing for this view between the checkpoint and `sequence`, for when another instance projects it.
   */
  async waitFor(sequence: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.applied < sequence) {
      await this.localProgress(sequence, Math.min(25, Math.max(1, deadline - Date.now())));
      if (this.applied >= sequence || (await this.caughtUpOnServer(sequence))) return;
      if (Date.now() >= deadline) {
        throw new ConsistencyTimeout(
          `view ${this.options.projection.name} has not reached sequence ${sequence} within ${timeoutMs} ms; retry the query`,
        );
      }
    }
  }

  /**
   * Replays the whole stream into another bucket, with the same projection: a rebuild from scratch.
   * Messages the live view dead-letters are skipped here too, so both end equal.
   */
  async replayInto(targetBucket: string): Promise<number> {
    const target = await this.openBucket(targetBucket);
    const { stream, filterSubject } = this.options;
    const first = await this.nats.jsm.direct.getMessage(stream.name, { seq: 1, next_by_subj: filterSubject });
    if (!first) return 0;
    const tail = new StreamTail(this.nats, stream.name, filterSubject, BATCH_MAX, this.logger).open(first.seq);
    let replayed = 0;
    try {
      for (let done = false; !done; ) {
        const batch = await tail.take(BATCH_MAX, () => false);
        await this.writer.apply(target, batch.flatMap((message) => this.decode(message).events ?? []));
        replayed += batch.length;
        done = batch.at(-1)?.info.pending === 0;
      }
    } finally {
      await tail.close();
    }
    return replayed;
  }

  onProgress(listener: (sequence: number) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  private async run(): Promise<void> {
    const lease = this.lease;
    if (!lease) throw new Error('call ensure() before start()');
    while (!this.stopping) {
      if (!(await lease.acquire(() => this.stopping))) break;
      this.leaseLost = false;
      const renewal = setInterval(() => void this.renew(lease), (this.options.lease ?? LEASE).renewMs);
      try {
        await this.projectWhileHolding();
      } finally {
        clearInterval(renewal);
        await this.handOver(lease);
      }
    }
  }

  /**
   * Stores the checkpoint, and at a stop releases the lease for the next holder. While NATS is
   * unreachable neither can be written, and neither needs to be: the lease runs out by itself, and a
   * checkpoint that lags only makes the next holder read events its documents already hold.
   */
  private async handOver(lease: ProjectorLease): Promise<void> {
    if (!this.nats.isConnected) return;
    await this.checkpoint?.close();
    if (this.stopping) await lease.release();
  }

  private async renew(lease: ProjectorLease): Promise<void> {
    if (await lease.renew()) return;
    this.logger.warn({ message: 'lease taken over by another instance; stepping down' });
    this.leaseLost = true;
    this.tail?.interrupt();
  }

  private async projectWhileHolding(): Promise<void> {
    const interrupted = (): boolean => this.stopping || this.leaseLost;
    while (!interrupted()) {
      try {
        const from = Math.max(this.applied, await this.requireCheckpoint().read()) + 1;
        this.tail = new StreamTail(this.nats, this.options.stream.name, this.options.filterSubject, BATCH_MAX * 2, this.logger).open(from);
        for (let batch = await this.tail.take(BATCH_MAX, interrupted); batch.length > 0; batch = await this.tail.take(BATCH_MAX, interrupted)) {
          await this.applyBatch(batch);
        }
      } catch (error) {
        if (interrupted()) break;
        this.logger.warn({ message: 'projection interrupted, resuming', error: String(error) });
        await sleep(RESUME_DELAY_MS);
      } finally {
        await this.tail?.close();
        this.tail = undefined;
      }
    }
  }

  private async applyBatch(batch: readonly JsMsg[]): Promise<void> {
    const events: RecordedEvent<E>[] = [];
    for (const message of batch) {
      const decoded = this.decode(message);
      if (decoded.events) events.push(...decoded.events);
      else await this.deadLetters.send(this.consumerName, message, decoded.undecodable);
    }
    await this.writer.apply(this.view, events, this.documents);
    const through = batch.at(-1)?.seq ?? this.applied;
    this.applied = Math.max(this.applied, through);
    this.requireCheckpoint().advance(through);
    for (const listener of this.progressListeners) listener(this.applied);
  }

  /** The message's events, or why it has none (it then goes to the dead letters, and a replay skips it). */
  private decode(message: JsMsg): { events: RecordedEvent<E>[]; undecodable?: never } | { events?: never; undecodable: string } {
    try {
      return { events: decodeEvents<E>(this.options.stream, { subject: message.subject, sequence: message.seq, body: message.string() }) };
    } catch (error) {
      if (error instanceof UndecodableEvent) return { undecodable: error.message };
      throw error;
    }
  }

  /** Resolves when this process has applied `sequence`, or after `ms`. */
  private localProgress(sequence: number, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const unsubscribe = this.onProgress((reached) => reached >= sequence && done());
      function done(): void {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }

  private async caughtUpOnServer(sequence: number): Promise<boolean> {
    const through = await this.requireCheckpoint().read().catch(() => 0);
    if (through >= sequence) return true;
    const { stream, filterSubject } = this.options;
    const next = await this.nats.jsm.direct.getMessage(stream.name, { seq: through + 1, next_by_subj: filterSubject }).catch(() => undefined);
    return next === null || (next !== undefined && next.seq > sequence);
  }

  private requireCheckpoint(): ViewCheckpoint {
    if (!this.checkpoint) throw new Error('call ensure() first');
    return this.checkpoint;
  }

  private async openBucket(name: string): Promise<KV> {
    return this.nats.kvm.create(name, { history: 5, replicas: this.options.replicas ?? 1, storage: 'file' });
  }
}

/** KV bucket names of views: `view-<projection name>`. */
export const bucketName = (projection: string): string => `view-${projection}`;

/** Leases and checkpoints of all views: `lease.<view>`, `checkpoint.<view>`. */
export const PROGRESS_BUCKET = 'projectors';

/** The key of a view's lease in the projectors' bucket. */
export const leaseKey = (view: string): string => `lease.${view}`;

/** The key of a view's checkpoint in the projectors' bucket: the stream sequence through which it has applied everything. */
export const checkpointKey = (view: string): string => `checkpoint.${view}`;
/** A crashed holder is replaced within about `ttlMs`; renewals every second keep a live one. */
const LEASE: LeaseTiming = { ttlMs: 5_000, renewMs: 1_000 };
/** Messages folded into one batch at most. */
const BATCH_MAX = 1_024;
/** Pause before reading again after a failure (NATS restarting, say). */
const RESUME_DELAY_MS = 500;
