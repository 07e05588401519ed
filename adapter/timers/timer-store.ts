import { headers } from '@nats-io/nats-core';
import type { KV } from '@nats-io/kv';
import { DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { APP_TIMERS, TIMER_REGISTRY_BUCKET, timerRegistryKey, timerSlot, timerSlotFilter, timerSubject, type TimerSpace } from '@stream/timers.stream';
import type { NatsClient } from '@adapter/nats/nats.client';
import { writeAtRevision, bucketKeySubject } from '@adapter/nats/kv-writes';
import { ensureStream } from '@adapter/topology/topology';
import { isRevisionConflict } from '@adapter/projection/view-store';

/** The registry key of the oldest slot a space's scheduler has not finished: where it starts. */
export const schedulerCursorKey = (space: TimerSpace): string => `${space.scheduler}.cursor`;

/** The registry key of the app's own scheduler's cursor. */
export const SCHEDULER_CURSOR = schedulerCursorKey(APP_TIMERS);

/** What a due timer asks for: a slice's command, or another attempt of an effect's request. */
export type TimerAction =
  | { readonly kind: 'command'; readonly command: unknown }
  | { readonly kind: 'attempt'; readonly request: { readonly key: string; readonly payload: unknown }; readonly attempt: number; readonly subject: string };

/** A timer as it waits in JetStream: which slice's timer, which generation, when, what for, and in whose journey. */
export interface StoredTimer {
  readonly slice: string;
  readonly timer: string;
  /** Grows with every `set` of the timer: the scheduling event's stream sequence, or an effect's attempt. */
  readonly generation: number;
  /** Due time, milliseconds since the epoch. */
  readonly at: number;
  readonly action: TimerAction;
  readonly correlationId: string;
  readonly causationId: string;
}

/** A timer's registry entry: the generation that is pending, or the last one that fired or was cleared. */
type RegistryEntry = { readonly generation: number; readonly pending: true; readonly at: number } | { readonly generation: number; readonly pending: false };

/**
 * Timers in JetStream: a timer's message waits in the TIMERS stream on its slot's subject, and the `timers`
 * bucket says which generation of each timer is pending. Setting a timer again replaces it: the registry moves
 * to the newer generation, and the older message, wherever it waits, is found stale when its slot comes and
 * dropped. Registry writes are compare-and-set with a message id (`writeAtRevision`), and a generation never
 * goes back, so redelivered or reordered sets and clears cannot revive an older timer.
 */
export class TimerStore {
  constructor(
    private readonly nats: NatsClient,
    private readonly replicas: number,
    /** The role's timers this store keeps: the app's own unless told. */
    readonly space: TimerSpace = APP_TIMERS,
  ) {}

  /** Creates the space's stream and the registry bucket, or brings them to this configuration. */
  async ensure(): Promise<void> {
    await ensureStream(this.nats, timersStreamConfig(this.replicas, this.space));
    await this.start(await this.nats.kvm.create(TIMER_REGISTRY_BUCKET, { history: 1, replicas: this.replicas, storage: 'file' }));
  }

  /**
   * For a role that may not create streams: checks that the space's stream and the registry exist (the app's own
   * role creates them), then sets the scheduler's cursor as `ensure` does.
   */
  async check(): Promise<void> {
    await this.nats.jsm.streams.info(this.space.stream);
    await this.start(await this.nats.kvm.open(TIMER_REGISTRY_BUCKET));
  }

  private async start(registry: KV): Promise<void> {
    // The scheduler starts from its cursor: one that exists before any timer is set is never past a pending timer's slot.
    await registry.create(schedulerCursorKey(this.space), String(timerSlot(Date.now()))).catch((error: unknown) => {
      if (!isRevisionConflict(error)) throw error;
    });
  }

  /**
   * Makes `timer` pending at `generation`, due at `timer.at`; `false` when the registry holds a newer generation
   * (a set or clear that came after). A repeat of the same set publishes the message again, in case the first
   * try stopped between the registry and the stream (its message id absorbs it within the duplicate window; a
   * copy after that is dropped as stale once one fired). A timer due in the past waits in the current slot: a
   * slot the scheduler has closed is never written.
   */
  async set(timer: StoredTimer): Promise<boolean> {
    const moved = await this.move(timer.slice, timer.timer, timer.generation, { generation: timer.generation, pending: true, at: timer.at });
    if (moved === 'older') return false;
    const slot = Math.max(timerSlot(timer.at), timerSlot(Date.now()));
    const id = headers();
    id.set('Nats-Msg-Id', `${timerRegistryKey(timer.slice, timer.timer)}@${timer.generation}`);
    await this.nats.requests.publish(timerSubject(slot, timer.slice, timer.timer, this.space), JSON.stringify(timer), id);
    return true;
  }

  /** Clears `timer` as of `generation`: whatever generation before it is pending will not fire. */
  async clear(slice: string, timer: string, generation: number): Promise<boolean> {
    return (await this.move(slice, timer, generation, { generation, pending: false })) === 'moved';
  }

  /** Whether `timer` at `generation` is still the pending one; then the registry's revision, to mark it fired. */
  async pending(slice: string, timer: string, generation: number): Promise<number | undefined> {
    const { entry, revision } = await this.registry(slice, timer);
    return entry?.pending === true && entry.generation === generation ? revision : undefined;
  }

  /** Marks a fired timer done, unless it was set again meanwhile (the registry moved on: the newer one stays). */
  async fired(slice: string, timer: string, generation: number, revision: number): Promise<void> {
    await writeAtRevision(this.nats.requests, TIMER_REGISTRY_BUCKET, timerRegistryKey(slice, timer), JSON.stringify({ generation, pending: false }), revision).catch(
      (error: unknown) => {
        if (!isRevisionConflict(error)) throw error;
      },
    );
  }

  /** Removes the messages of a closed slot, up to sequence `through`: every timer of it fired or found stale. */
  async purgeSlot(slot: number, through: number): Promise<void> {
    await this.nats.jsm.streams.purge(this.space.stream, { filter: timerSlotFilter(slot, this.space), seq: through + 1 });
  }

  /** Removes a timer's message once it fired or was found stale; a newer message on the same subject stays. */
  async remove(subject: string, sequence: number): Promise<void> {
    await this.nats.jsm.streams.purge(this.space.stream, { filter: subject, seq: sequence + 1 });
  }

  /** Moves the registry to `next` when `generation` is newer than what it holds, compare-and-set: `same` when it holds `next` already. */
  private async move(slice: string, timer: string, generation: number, next: RegistryEntry): Promise<'moved' | 'same' | 'older'> {
    for (;;) {
      const { entry, revision } = await this.registry(slice, timer);
      if (entry && entry.generation > generation) return 'older';
      if (entry?.generation === generation) return entry.pending === next.pending ? 'same' : 'older';
      try {
        await writeAtRevision(this.nats.requests, TIMER_REGISTRY_BUCKET, timerRegistryKey(slice, timer), JSON.stringify(next), revision);
        return 'moved';
      } catch (error) {
        if (!isRevisionConflict(error)) throw error;
      }
    }
  }

  /** A timer's registry entry as the bucket's leader has it (a replica may not have the last write yet). */
  private async registry(slice: string, timer: string): Promise<{ entry: RegistryEntry | undefined; revision: number }> {
    const message = await this.nats.requests.getMessage(`KV_${TIMER_REGISTRY_BUCKET}`, { last_by_subj: bucketKeySubject(TIMER_REGISTRY_BUCKET, timerRegistryKey(slice, timer)) });
    if (!message) return { entry: undefined, revision: 0 };
    return { entry: message.body ? (JSON.parse(message.body) as RegistryEntry) : undefined, revision: message.seq };
  }
}

/**
 * A space's timers stream (TIMERS for the app's own): file storage, one message per subject (a timer's latest set on its slot), purges allowed
 * (a closed slot's messages are removed), no age limit (a stream age shorter than the longest timer would drop it).
 */
export const timersStreamConfig = (replicas: number, space: TimerSpace = APP_TIMERS): Partial<StreamConfig> & { name: string } => ({
  name: space.stream,
  subjects: [...space.subjects],
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  discard: DiscardPolicy.Old,
  max_age: 0,
  max_msgs_per_subject: 1,
  duplicate_window: 120_000_000_000,
  allow_direct: true,
  num_replicas: replicas,
});
