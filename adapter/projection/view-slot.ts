import type { KV } from '@nats-io/kv';
import { StateCache } from '@libs/cache/state-cache';
import type { NatsClient } from '@adapter/nats/nats.client';
import { bucketExists, bucketName, checkpointKey, openViewBucket, type ActiveBucket } from './view-buckets';
import { ViewCheckpoint } from './view-checkpoint';
import { leaderDocuments, type ViewDocuments } from './view-documents';
import type { StoredViewEntry } from './view-store';

/** Thrown when a view's pointer names a bucket that is not there (removed by hand): a rebuild makes it anew. */
export class ActiveBucketMissing extends Error {
  constructor(view: string, bucket: string) {
    super(`view ${view} lives in bucket ${bucket}, which does not exist: rebuild the view (npx nats-event-model rebuild ${view})`);
    this.name = 'ActiveBucketMissing';
  }
}

/**
 * One bucket of a view as a projector uses it: the bucket, its own checkpoint, the documents this process
 * wrote there, and how far this process has applied the stream there. A switch to the view's other bucket
 * replaces the whole slot, so nothing of one bucket is ever taken for the other.
 */
export class ViewSlot<D> {
  readonly documents = new StateCache<StoredViewEntry<D>>(CACHED_DOCUMENTS);
  /** The stream sequence through which this process has applied everything to this bucket. */
  applied = 0;

  private constructor(
    readonly active: ActiveBucket,
    readonly kv: KV,
    /** The bucket's documents as the projector writes them. */
    readonly writes: ViewDocuments,
    readonly checkpoint: ViewCheckpoint,
  ) {}

  /**
   * Opens the bucket `active` names. The view's first bucket is created when missing (a new view); the other
   * one only ever exists because a rebuild filled it, so its absence is an error.
   */
  static async open<D>(nats: NatsClient, progress: KV, view: string, active: ActiveBucket, replicas: number): Promise<ViewSlot<D>> {
    if (active.bucket !== bucketName(view) && !(await bucketExists(nats, active.bucket))) throw new ActiveBucketMissing(view, active.bucket);
    const kv = await openViewBucket(nats, active.bucket, replicas);
    return new ViewSlot<D>(active, kv, await leaderDocuments(nats, active.bucket), new ViewCheckpoint(progress, checkpointKey(view, active.bucket)));
  }
}

/** Documents a projector remembers per bucket, to write without reading them first. */
const CACHED_DOCUMENTS = 10_000;
