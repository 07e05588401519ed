import { KvWatchInclude, type KV, type KvEntry, type KvWatchEntry } from '@nats-io/kv';
import type { QueuedIterator } from '@nats-io/nats-core';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import type { NatsClient } from '@adapter/nats/nats.client';
import { isRevisionConflict } from './view-store';

/** Leases, checkpoints and active-bucket pointers of all views: `lease.<view>`, `checkpoint.<bucket slot>`, `active.<view>`, `rebuild.<view>`. */
export const PROGRESS_BUCKET = 'projectors';

/**
 * The projectors' bucket, created if missing, opened so that its reads go to the bucket's leader: a lease judged
 * on a revision a lagging replica answered with (a direct get) never changes hands, and a checkpoint or pointer
 * written on such a revision keeps conflicting.
 */
export const openProgressBucket = async (nats: NatsClient, replicas: number): Promise<KV> => {
  await nats.kvm.create(PROGRESS_BUCKET, { history: 1, replicas, storage: 'file' });
  return nats.kvm.open(PROGRESS_BUCKET);
};

/** A view's first bucket: `view-<projection name>`. */
export const bucketName = (projection: string): string => `view-${projection}`;

/** A view's other bucket, the one a blue/green rebuild fills while the first serves: `view-<projection name>-green`. */
export const greenBucketName = (projection: string): string => `${bucketName(projection)}-green`;


/** Both buckets a view may live in; a rebuild always fills the one that is not active. */
export const viewBuckets = (projection: string): readonly [string, string] => [bucketName(projection), greenBucketName(projection)];

/** The key of a view's lease in the projectors' bucket. */
export const leaseKey = (view: string): string => `lease.${view}`;

/** The key of the lease a rebuild of the view holds while it runs, so that two rebuilds never run at once. */
export const rebuildKey = (view: string): string => `rebuild.${view}`;

/** The key naming the bucket a view lives in right now; absent until its first rebuild switched it. */
export const activeKey = (view: string): string => `active.${view}`;

/**
 * The key of a view's checkpoint in one of its buckets: the stream sequence through which that bucket has
 * applied everything. `checkpoint.<view>` for the first bucket (as before blue/green), `checkpoint.<view>-green` for the other.
 */
export const checkpointKey = (view: string, bucket: string = bucketName(view)): string => `checkpoint.${bucket.slice('view-'.length)}`;

/** Where a view lives right now. */
export interface ActiveBucket {
  /** The bucket queries read, the projector writes and live feeds watch. */
  readonly bucket: string;
  /**
   * Added to the bucket's own revisions in what live clients see: the revisions the view's earlier buckets
   * reached, so that a client's revisions keep growing across switches.
   */
  readonly revisionOffset: number;
  /** The pointer's revision in the projectors' bucket, 0 while there is none: a switch is a compare-and-set on it. */
  readonly revision: number;
}

/**
 * The pointer to a view's active bucket, in the projectors' bucket. A rebuild moves it with compare-and-set,
 * so of two rebuilds that started from the same pointer only one can switch; every app instance follows it
 * (a KV watch for speed, a read every `POLL_MS` in case the watch died silently) and moves to the new bucket.
 */
export class ActiveViewBucket {
  private known = 0;
  private timer: NodeJS.Timeout | undefined;
  private watcher: QueuedIterator<KvWatchEntry> | undefined;
  private stopped = false;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly progress: KV,
    readonly view: string,
  ) {}

  async read(): Promise<ActiveBucket> {
    return this.decode(await this.progress.get(activeKey(this.view)));
  }

  /**
   * Calls `moved` with each later pointer, in order, from `from` on. A pointer is taken as followed once
   * `moved` resolves; when it throws, the same pointer is offered again at the next check.
   */
  follow(from: ActiveBucket, moved: (active: ActiveBucket) => Promise<void>): void {
    this.known = from.revision;
    this.stopped = false;
    this.timer = setInterval(() => this.check(moved), POLL_MS);
    this.timer.unref();
    void this.watch(moved);
  }

  /** Moves the pointer from `from` to `bucket`; false when it moved since `from` was read. */
  async switchTo(from: ActiveBucket, bucket: string, revisionOffset: number): Promise<boolean> {
    const value = JSON.stringify({ bucket, revisionOffset, switchedAt: new Date().toISOString() });
    try {
      if (from.revision === 0) await this.progress.create(activeKey(this.view), value);
      else await this.progress.update(activeKey(this.view), value, from.revision);
      return true;
    } catch (error) {
      if (isRevisionConflict(error)) return false;
      throw error;
    }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.watcher?.stop();
  }

  private check(moved: (active: ActiveBucket) => Promise<void>): void {
    this.checking ??= (async () => {
      try {
        const active = await this.read();
        if (active.revision > this.known && !this.stopped) {
          await moved(active);
          this.known = active.revision;
        }
      } catch {
        // The next check tries again: NATS may be unreachable for a while, or the new bucket not open yet.
      }
    })().finally(() => (this.checking = undefined));
  }

  private async watch(moved: (active: ActiveBucket) => Promise<void>): Promise<void> {
    try {
      this.watcher = await this.progress.watch({ key: activeKey(this.view), include: KvWatchInclude.UpdatesOnly });
      for await (const entry of this.watcher) if (entry.revision > this.known) this.check(moved);
    } catch {
      // The periodic check covers a watch that could not start or died.
    }
  }

  private decode(entry: KvEntry | null): ActiveBucket {
    if (!entry || entry.operation !== 'PUT') return { bucket: bucketName(this.view), revisionOffset: 0, revision: entry?.revision ?? 0 };
    const { bucket, revisionOffset } = JSON.parse(entry.string()) as { bucket: string; revisionOffset: number };
    if (!viewBuckets(this.view).includes(bucket)) throw new Error(`${activeKey(this.view)} names ${bucket}, not a bucket of view ${this.view}`);
    return { bucket, revisionOffset, revision: entry.revision };
  }
}

/** How often every instance reads each view's pointer, besides watching it. */
const POLL_MS = 1_000;

/** Opens a view's bucket, creating it when it does not exist: a key keeps its last 5 revisions, for live clients resuming. */
export const openViewBucket = (nats: NatsClient, name: string, replicas = 1): Promise<KV> =>
  nats.kvm.create(name, { history: VIEW_HISTORY, replicas, storage: 'file' });

/** Whether the bucket exists; other failures (NATS unreachable) are thrown. */
export const bucketExists = (nats: NatsClient, name: string): Promise<boolean> =>
  nats.jsm.streams.info(`KV_${name}`).then(
    () => true,
    (error: unknown) => {
      if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) return false;
      throw error;
    },
  );

/** Revisions a view bucket keeps per key. */
const VIEW_HISTORY = 5;
