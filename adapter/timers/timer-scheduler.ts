import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { KV } from '@nats-io/kv';
import { DeliverPolicy } from '@nats-io/jetstream';
import { TIMER_REGISTRY_BUCKET, TIMER_SLOT_MS, timerOfSubject, timerSlot, timerSlotFilter } from '@stream/timers.stream';
import type { NatsClient } from '@adapter/nats/nats.client';
import { ProjectorLease, type LeaseTiming } from '@adapter/projection/projector-lease';
import { StreamTail } from '@adapter/projection/stream-tail';
import { ViewCheckpoint } from '@adapter/projection/view-checkpoint';
import { Pause } from '@libs/async/pause';
import { TimerQueue } from './timer-queue';
import { schedulerCursorKey, type StoredTimer, type TimerStore } from './timer-store';

/** A timer whose message was read: the timer, and where its message is. */
export interface DueTimer extends StoredTimer {
  readonly subject: string;
  readonly sequence: number;
}

/** What the app does with a due timer; a failure is retried (a business refusal must be handled inside and count as done). */
export type FireTimer = (timer: DueTimer) => Promise<void>;

/** What the scheduler reports as it fires: how late each timer was, for the metrics. */
export interface TimerReport {
  fired(slice: string, latenessMs: number): void;
}

export interface TimerSchedulerOptions {
  /** Timers fired at once. */
  readonly concurrency?: number;
  readonly lease?: LeaseTiming;
  /** How long a slot stays open after it ended (`SLOT_GRACE_MS` unless told). */
  readonly slotGraceMs?: number;
}

/** A slot stays open this long after it ended, for timers set into it at its very end by a clock a little behind. */
export const SLOT_GRACE_MS = 10_000;
/** The scheduler looks at its slots at least this often, and at once when a timer due sooner arrives. */
const HOUSEKEEPING_MS = 250;
/** Pause before a failed timer is tried again, doubling up to the last. */
const RETRY_MS = [250, 1_000, 5_000, 15_000];

interface Slot {
  /** Timers of the slot queued or being fired. */
  waiting: number;
  /** Its messages stored before it opened have all been read. */
  loaded: boolean;
}

/**
 * Fires the timers of one space (the app's own in the TIMERS stream, or a role's), in one app instance at a time:
 * the holder of the space's `scheduler.lease` key. It loads the slots coming due (the current one and the next)
 * into memory, from the oldest slot not yet done (`scheduler.cursor`, so a restart fires everything that came due
 * meanwhile), follows new timers as
 * they are set, and fires each once it is due: never before its time, as soon as possible after. A timer is
 * checked against the registry before it fires (a newer set or a clear makes it stale), and marked fired after.
 * Once a slot is closed, its messages are purged at once (one purge per slot, not one per timer: on 2.9 a
 * filtered purge visits every block of the stream). The app's memory holds the timers of two slots, however
 * many wait further ahead.
 *
 * A timer that fired but was not marked (a crash in between, a lost lease) fires again: the app's action is
 * idempotent (its events' ids come from the timer and its generation), so it acts once in effect.
 */
export class TimerScheduler {
  private readonly logger = new Logger('Timers');
  private queue = new TimerQueue<DueTimer>();
  private readonly seen = new Set<number>();
  private readonly slots = new Map<number, Slot>();
  private readonly concurrency: number;
  private lease: ProjectorLease | undefined;
  private cursor: ViewCheckpoint | undefined;
  private tail: StreamTail | undefined;
  private opened = -1;
  /** The last TIMERS sequence read: a closed slot's messages up to it have all been fired or found stale. */
  private readThrough = 0;
  /** Closed slots being purged, in order; the cursor moves past each once its purge is done. */
  private closing: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private running: Promise<void> | undefined;
  private opening: Promise<void> | undefined;
  private failure: Error | undefined;
  private stopping = false;
  private readonly pause = new Pause();
  private holding = false;

  constructor(
    private readonly nats: NatsClient,
    private readonly store: TimerStore,
    private readonly act: FireTimer,
    private readonly report: TimerReport,
    private readonly options: TimerSchedulerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 128;
  }

  /** Timers in memory now: those of the open slots. */
  get loaded(): number {
    return this.seen.size;
  }

  async ensure(): Promise<void> {
    const registry: KV = await this.nats.kvm.open(TIMER_REGISTRY_BUCKET);
    this.lease = new ProjectorLease(registry, `${this.store.space.scheduler}.lease`, randomUUID(), this.options.lease ?? { ttlMs: 5_000, renewMs: 1_000 });
    this.cursor = new ViewCheckpoint(registry, schedulerCursorKey(this.store.space));
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.wake();
    await this.running;
    this.running = undefined;
  }

  private async run(): Promise<void> {
    const lease = this.lease;
    if (!lease) throw new Error('call ensure() before start()');
    await lease.serve(
      () => this.stopping,
      async (lost) => {
        try {
          await this.fireWhileHolding(lost);
        } catch (error) {
          this.logger.warn({ message: 'timers interrupted, resuming', error: String(error) });
          await sleep(500);
        } finally {
          this.reset();
        }
      },
    );
  }

  private async fireWhileHolding(lost: () => boolean): Promise<void> {
    const cursor = this.cursor!;
    const from = (await cursor.read()) || timerSlot(Date.now());
    this.holding = true;
    this.opened = from - 1;
    const { stream, subjects } = this.store.space;
    const info = await this.nats.jsm.streams.info(stream);
    this.readThrough = info.state.last_seq;
    this.tail = new StreamTail(this.nats, stream, `${subjects[0]}`, 10_000, this.logger).open(info.state.last_seq + 1);
    const following = this.follow(this.tail);
    try {
      while (!this.stopping && !lost()) {
        if (this.failure) throw this.failure;
        const now = Date.now();
        this.openAhead(timerSlot(now + TIMER_SLOT_MS));
        this.fireDue(now);
        this.close(now, cursor);
        const next = this.queue.peek();
        const wait = next === undefined ? HOUSEKEEPING_MS : Math.max(0, Math.min(HOUSEKEEPING_MS, next.at - Date.now()));
        if (wait > 0 && this.inFlight < this.concurrency) await this.pause.wait(wait);
        else if (this.inFlight >= this.concurrency) await this.pause.wait(HOUSEKEEPING_MS);
      }
    } finally {
      this.holding = false;
      await this.tail.close();
      await following;
      await this.opening;
      while (this.inFlight > 0) await sleep(20);
      await this.closing;
      await cursor.close();
    }
  }

  /**
   * Opens the slots up to `last` in the background: firing goes on while a slot coming due is read. A failure
   * ends this holding of the lease, and the next starts over from the cursor.
   */
  private openAhead(last: number): void {
    if (this.opening || this.opened >= last) return;
    this.opening = this.open(last)
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.pause.wake();
      })
      .finally(() => (this.opening = undefined));
  }

  /** Opens every slot up to `last`: reads what they held before (new timers come through the tail). */
  private async open(last: number): Promise<void> {
    while (this.opened < last) {
      const slot = this.opened + 1;
      this.slots.set(slot, { waiting: 0, loaded: false });
      this.opened = slot;
      await this.backfill(slot);
    }
  }

  private async backfill(slot: number): Promise<void> {
    const consumer = await this.nats.js.consumers.get(this.store.space.stream, { filter_subjects: timerSlotFilter(slot, this.store.space), deliver_policy: DeliverPolicy.All });
    try {
      let left = (await consumer.info(true)).num_pending;
      while (left > 0 && !this.stopping) {
        let received = 0;
        const messages = await consumer.fetch({ max_messages: Math.min(left, 1_000), expires: 2_000 });
        for await (const message of messages) {
          received++;
          this.enqueue(message.subject, message.seq, message.string());
          left = message.info.pending;
          // Without this, the fetch waits out its expiry for messages that are not there.
          if (left === 0) break;
        }
        messages.stop();
        if (received === 0) break;
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
    const state = this.slots.get(slot);
    if (state) state.loaded = true;
  }

  /** New timers as they are set: those of open slots are queued, later ones wait for their slot to open. */
  private async follow(tail: StreamTail): Promise<void> {
    for (let batch = await tail.take(1_000, () => this.stopping); batch.length > 0; batch = await tail.take(1_000, () => this.stopping)) {
      for (const message of batch) {
        this.enqueue(message.subject, message.seq, message.string());
        this.readThrough = Math.max(this.readThrough, message.seq);
      }
    }
  }

  private enqueue(subject: string, sequence: number, body: string): void {
    const slot = this.slotOf(subject);
    const state = this.slots.get(slot);
    if (slot > this.opened || this.seen.has(sequence)) return;
    let timer: StoredTimer;
    try {
      timer = JSON.parse(body) as StoredTimer;
    } catch {
      this.logger.error({ message: 'a message of a timers stream is not a timer; removed', stream: this.store.space.stream, subject, sequence });
      void this.store.remove(subject, sequence).catch(() => undefined);
      return;
    }
    if (!state) {
      // A slot already closed: set by a clock far behind. It is due; fire it now, without counting it to a slot.
      this.logger.warn({ message: 'timer set into a closed slot; firing it now', subject, sequence });
    } else state.waiting++;
    this.seen.add(sequence);
    this.queue.push({ ...timer, subject, sequence });
    if (timer.at <= Date.now() + HOUSEKEEPING_MS) this.pause.wake();
  }

  private fireDue(now: number): void {
    for (let next = this.queue.peek(); next && next.at <= now && this.inFlight < this.concurrency; next = this.queue.peek()) {
      this.queue.pop();
      this.inFlight++;
      void this.fire(next).finally(() => {
        this.inFlight--;
        this.pause.wake();
      });
    }
  }

  /** Fires one timer: a stale one is dropped; a failure is tried again a little later, while this instance holds the lease. */
  private async fire(timer: DueTimer): Promise<void> {
    for (let failures = 0; ; failures++) {
      try {
        const revision = await this.store.pending(timer.slice, timer.timer, timer.generation);
        if (revision !== undefined) {
          this.report.fired(timer.slice, Date.now() - timer.at);
          await this.act(timer);
          await this.store.fired(timer.slice, timer.timer, timer.generation, revision);
        }
        // A timer of an open slot goes with its slot's purge; one set into a closed slot is removed on its own.
        if (!this.slots.has(this.slotOf(timer.subject))) await this.store.remove(timer.subject, timer.sequence);
        break;
      } catch (error) {
        if (!this.holding) break;
        const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
        this.logger.warn({ message: 'timer failed, retrying', slice: timer.slice, timer: timer.timer, generation: timer.generation, retryInMs: delay, error: String(error) });
        await sleep(delay);
      }
    }
    this.done(timer);
  }

  private done(timer: DueTimer): void {
    this.seen.delete(timer.sequence);
    const state = this.slots.get(this.slotOf(timer.subject));
    if (state) state.waiting--;
  }

  /**
   * Closes the slots that ended (and their grace) with nothing left to fire: purges their messages up to the last
   * one read (one set into the slot after it stays, and the tail fires it on its own), then moves the cursor past
   * them. A purge that fails ends this holding of the lease; the next one reads the slot again from the cursor.
   */
  private close(now: number, cursor: ViewCheckpoint): void {
    const ended = timerSlot(now - (this.options.slotGraceMs ?? SLOT_GRACE_MS)) - 1;
    for (const [slot, state] of [...this.slots].sort(([left], [right]) => left - right)) {
      if (slot > ended || !state.loaded || state.waiting > 0) break;
      this.slots.delete(slot);
      const through = this.readThrough;
      this.closing = this.closing
        .then(async () => {
          if (!this.failure) await this.store.purgeSlot(slot, through);
        })
        .then(
          () => {
            if (!this.failure) cursor.advance(slot + 1);
          },
          (error: unknown) => {
            this.failure ??= error instanceof Error ? error : new Error(String(error));
            this.pause.wake();
          },
        );
    }
  }

  private slotOf(subject: string): number {
    return timerOfSubject(subject, this.store.space).slot;
  }

  /** Forgets everything loaded: the next holder, this instance or another, reads the open slots again. */
  private reset(): void {
    this.slots.clear();
    this.seen.clear();
    this.queue = new TimerQueue();
    this.tail = undefined;
    this.opened = -1;
    this.readThrough = 0;
    this.failure = undefined;
  }
}
