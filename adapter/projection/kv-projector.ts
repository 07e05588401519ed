import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { KV } from '@nats-io/kv';
import type { JsMsg, NextMsgRequest, SeqMsgRequest } from '@nats-io/jetstream';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import { ConsistencyTimeout } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { DeadLetters } from '@adapter/consumer/dead-letters';
import type { NatsClient } from '@adapter/nats/nats.client';
import { ProjectorLease, type LeaseTiming } from './projector-lease';
import { StreamTail } from './stream-tail';
import { BATCH_MAX, decodeMessage, replayStream } from './stream-replay';
import { ActiveViewBucket, bucketExists, leaseKey, openProgressBucket, openViewBucket, type ActiveBucket } from './view-buckets';
import { leaderDocuments } from './view-documents';
import { ViewSlot } from './view-slot';
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
 * `projectors` bucket); the holder reads the stream in order from the bucket's checkpoint, takes
 * whatever has arrived as one batch, folds it per document, writes each document once with
 * compare-and-set, then moves the checkpoint. Another instance takes over when the lease is
 * released or stops being renewed. Each event is applied exactly once in effect and in order,
 * whoever writes (see `ViewWriter`).
 *
 * A view lives in one of two buckets, the one its pointer names (see `ActiveViewBucket`). When a
 * rebuild switches the pointer, every instance moves its queries and live feeds to the new bucket
 * at once, and the holder finishes the batch in hand and goes on projecting into the new bucket
 * from that bucket's own checkpoint.
 */
export class KvProjector<E extends Message<string, unknown>, D> {
  private readonly logger: Logger;
  private readonly writer: ViewWriter<E, D>;
  private readonly deadLetters: DeadLetters;
  private readonly progressListeners = new Set<(sequence: number) => void>();
  private readonly switchListeners = new Set<() => void>();
  private current: ViewSlot<D> | undefined;
  private writingTo: ViewSlot<D> | undefined;
  private pointer: ActiveViewBucket | undefined;
  private progressBucket: KV | undefined;
  private lease: ProjectorLease | undefined;
  private tail: StreamTail | undefined;
  private running: Promise<void> | undefined;
  private following = false;
  private stopping = false;
  private leaseLost = false;

  constructor(
    private readonly nats: NatsClient,
    private readonly options: ProjectorOptions<E, D>,
  ) {
    this.logger = new Logger(`Projection ${options.projection.name}`);
    this.writer = new ViewWriter(options.projection, this.logger, () => !this.stopping && this.writingTo === this.current);
    this.deadLetters = new DeadLetters(nats);
  }

  get viewName(): string {
    return this.options.projection.name;
  }

  /** The bucket the view lives in right now, and how live clients' revisions continue from its earlier buckets. */
  get active(): ActiveBucket {
    return this.slot.active;
  }

  /** The name of the view's active bucket. */
  get bucketName(): string {
    return this.slot.active.bucket;
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

  /** The stream sequence through which the view's active bucket has applied everything: this instance's progress, or the stored checkpoint when further. */
  async position(): Promise<number> {
    const slot = this.slot;
    return Math.max(slot.applied, await slot.checkpoint.peek());
  }

  /** The view's active bucket. */
  get view(): KV {
    return this.slot.kv;
  }

  /** Whether this instance projects the view right now. */
  get holdsLease(): boolean {
    return this.lease?.held ?? false;
  }

  /** Where this instance stands with the view, to tell a stalled projection from a checkpoint not stored. */
  async describe(): Promise<{ readonly view: string; readonly bucket: string; readonly holdsLease: boolean; readonly leaseLost: boolean; readonly applied: number; readonly checkpoint: number; readonly buffered: boolean }> {
    const slot = this.slot;
    return {
      view: this.viewName,
      bucket: slot.active.bucket,
      holdsLease: this.holdsLease,
      leaseLost: this.leaseLost,
      applied: slot.applied,
      checkpoint: await slot.checkpoint.peek().catch(() => -1),
      buffered: this.tail !== undefined,
    };
  }

  /**
   * Opens the view's active bucket (the one its pointer names) and the lease, and removes the durable
   * consumer earlier versions fed the view from. With `create` false (a role that may only read the view), the
   * buckets must exist already and no consumer is touched.
   */
  async ensure({ create = true }: { create?: boolean } = {}): Promise<void> {
    const name = this.options.projection.name;
    const progress = await openProgressBucket(this.nats, this.options.replicas ?? 1);
    this.progressBucket = progress;
    this.pointer = new ActiveViewBucket(progress, name);
    const active = await this.pointer.read();
    if (!create && !(await bucketExists(this.nats, active.bucket))) {
      throw new Error(`view ${name}'s bucket ${active.bucket} does not exist, and this instance may only read it: start the instance that projects the view (the app's own role) first, which creates it`);
    }
    this.current = await ViewSlot.open<D>(this.nats, progress, name, active, this.options.replicas ?? 1);
    this.lease = new ProjectorLease(progress, leaseKey(name), randomUUID(), this.options.lease ?? LEASE);
    if (create) await this.nats.jsm.consumers.delete(this.options.stream.name, this.consumerName).catch(() => undefined);
  }

  /**
   * Follows the view to its new bucket when it is switched, for queries and live feeds, and, unless
   * `project` is false (another instance projects), projects while this instance holds the lease.
   */
  start({ project = true }: { project?: boolean } = {}): void {
    if (this.running || this.following) return;
    this.stopping = false;
    this.following = true;
    this.pointer?.follow(this.slot.active, (next) => this.switchTo(next));
    if (project) this.running = this.run();
  }

  /** Finishes the batch in hand, stores the checkpoint and releases the lease for the next holder. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pointer?.stop();
    this.tail?.interrupt();
    await this.running;
    this.running = undefined;
    this.following = false;
  }

  async read(key: string): Promise<StoredViewEntry<D> | null> {
    return readView<D>(this.view, key);
  }

  /** Calls `listener` after the view moved to another bucket. */
  onSwitch(listener: () => void): () => void {
    this.switchListeners.add(listener);
    return () => this.switchListeners.delete(listener);
  }

  /**
   * Waits until the view has applied everything up to `sequence` of its stream (read your own writes).
   * This process's own progress answers first; otherwise the checkpoint, or the stream showing
   * nothing for this view between the checkpoint and `sequence`, for when another instance projects it.
   */
  async waitFor(sequence: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.slot.applied < sequence) {
      await this.localProgress(sequence, Math.min(25, Math.max(1, deadline - Date.now())));
      if (this.slot.applied >= sequence || (await this.caughtUpOnServer(sequence))) return;
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
    await openViewBucket(this.nats, targetBucket, this.options.replicas ?? 1);
    const target = await leaderDocuments(this.nats, targetBucket);
    return (await replayStream(this.nats, this.options, target, this.writer, this.logger)).read;
  }

  onProgress(listener: (sequence: number) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  private get slot(): ViewSlot<D> {
    if (!this.current) throw new Error(`view ${this.options.projection.name} is not open yet: call ensure() first`);
    return this.current;
  }

  /** Moves queries and live feeds to the new bucket now, and the holder's projection after its batch in hand. */
  private async switchTo(next: ActiveBucket): Promise<void> {
    if (!this.progressBucket || next.bucket === this.current?.active.bucket) return;
    this.current = await ViewSlot.open<D>(this.nats, this.progressBucket, this.options.projection.name, next, this.options.replicas ?? 1);
    this.logger.log({ message: 'the view moved to another bucket', bucket: next.bucket });
    this.tail?.interrupt();
    for (const listener of this.switchListeners) listener();
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
    await this.current?.checkpoint.close();
    if (this.stopping) await lease.release();
  }

  private async renew(lease: ProjectorLease): Promise<void> {
    if (await lease.renew()) return;
    this.logger.warn({ message: 'lease taken over by another instance; stepping down' });
    this.leaseLost = true;
    this.tail?.interrupt();
  }

  /** Projects into the active bucket from its checkpoint; after a switch, into the new one from its own. */
  private async projectWhileHolding(): Promise<void> {
    while (!this.stopping && !this.leaseLost) {
      const slot = this.slot;
      this.writingTo = slot;
      const interrupted = (): boolean => this.stopping || this.leaseLost || slot !== this.current;
      try {
        const from = Math.max(slot.applied, await slot.checkpoint.read()) + 1;
        this.tail = new StreamTail(this.nats, this.options.stream.name, this.options.filterSubject, BATCH_MAX * 2, this.logger).open(from);
        for (let batch = await this.tail.take(BATCH_MAX, interrupted); batch.length > 0; batch = await this.tail.take(BATCH_MAX, interrupted)) {
          await this.applyBatch(slot, batch);
        }
      } catch (error) {
        if (!interrupted()) {
          this.logger.warn({ message: 'projection interrupted, resuming', error: String(error) });
          await sleep(RESUME_DELAY_MS);
        }
      } finally {
        await this.tail?.close();
        this.tail = undefined;
      }
    }
  }

  private async applyBatch(slot: ViewSlot<D>, batch: readonly JsMsg[]): Promise<void> {
    const events: RecordedEvent<E>[] = [];
    for (const message of batch) {
      const decoded = decodeMessage<E>(this.options.stream, message);
      if (decoded.events) events.push(...decoded.events);
      else await this.deadLetters.send(this.consumerName, message, decoded.undecodable);
    }
    await this.writer.apply(slot.writes, events, slot.documents);
    const through = batch.at(-1)?.seq ?? slot.applied;
    slot.applied = Math.max(slot.applied, through);
    slot.checkpoint.advance(through);
    if (slot === this.current) for (const listener of this.progressListeners) listener(slot.applied);
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

  /** Asks the stream's leader, which has every acknowledged message (a replica answering a direct get may not yet). */
  private async caughtUpOnServer(sequence: number): Promise<boolean> {
    const through = await this.slot.checkpoint.read().catch(() => 0);
    if (through >= sequence) return true;
    const { stream, filterSubject } = this.options;
    const request: SeqMsgRequest & NextMsgRequest = { seq: through + 1, next_by_subj: filterSubject };
    const next = await this.nats.jsm.streams.getMessage(stream.name, request).catch(() => undefined);
    return next === null || (next !== undefined && next.seq > sequence);
  }
}

/** A crashed holder is replaced within about `ttlMs`; renewals every second keep a live one. */
const LEASE: LeaseTiming = { ttlMs: 5_000, renewMs: 1_000 };
/** Pause before reading again after a failure (NATS restarting, say). */
const RESUME_DELAY_MS = 500;
