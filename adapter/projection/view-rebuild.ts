import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { KV } from '@nats-io/kv';
import type { StreamConfig } from '@nats-io/jetstream';
import type { Message } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import type { NatsClient } from '@adapter/nats/nats.client';
import { ProjectorLease, type LeaseTiming } from './projector-lease';
import { replayStream, type ReplayProgress, type ViewSource } from './stream-replay';
import { ActiveViewBucket, bucketExists, checkpointKey, openProgressBucket, openViewBucket, PROGRESS_BUCKET, rebuildKey, viewBuckets, type ActiveBucket } from './view-buckets';
import { ViewCheckpoint } from './view-checkpoint';
import { leaderDocuments } from './view-documents';
import { ViewWriter } from './view-writer';

export interface RebuiltView<E, D> extends ViewSource {
  readonly projection: Projection<E, D>;
}

export interface RebuildOptions {
  readonly replicas?: number;
  /** Keep the old bucket (sealed, read-only) instead of removing it after the switch. */
  readonly keepOld?: boolean;
  /** How long the old bucket stays after the switch before it is removed, for instances that have not moved yet. */
  readonly graceMs?: number;
  readonly lease?: LeaseTiming;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

export interface RebuildResult {
  readonly view: string;
  readonly from: string;
  readonly to: string;
  /** What the fill read, and where it stopped: the new bucket's checkpoint at the switch. */
  readonly filled: ReplayProgress;
  readonly oldBucketRemoved: boolean;
}

/** Thrown when a rebuild cannot switch: another rebuild of the view runs, or switched first. Nothing was switched. */
export class RebuildRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RebuildRefused';
  }
}

/**
 * Rebuilds a view blue/green, while the app goes on serving and projecting the active bucket:
 *
 * 1. takes the view's rebuild lease (`rebuild.<view>`), so two rebuilds never run at once;
 * 2. empties the view's other bucket and its checkpoint, and fills it from the stream's first message
 *    with the slice's own projection and writer, moving that bucket's checkpoint as it goes, until it has
 *    read the last message the stream held when it got there;
 * 3. seals the active bucket (read-only: queries still read it, nobody writes it any more), so that its
 *    last revision is final, and moves the view's pointer to the new bucket with compare-and-set, with the
 *    old bucket's revisions added to the offset live clients see;
 * 4. every app instance follows the pointer: queries and live feeds move at once, the projecting one
 *    resumes from the new bucket's checkpoint, so events that arrived after the fill are applied there;
 * 5. after `graceMs` the old bucket is removed, unless `keepOld`.
 */
export const rebuildView = async <E extends Message<string, unknown>, D>(
  nats: NatsClient,
  view: RebuiltView<E, D>,
  options: RebuildOptions = {},
): Promise<RebuildResult> => {
  const name = view.projection.name;
  const logger = new Logger(`Rebuild ${name}`);
  const progress = await openProgressBucket(nats, options.replicas ?? 1);
  const claim = new ProjectorLease(progress, rebuildKey(name), randomUUID(), options.lease ?? CLAIM);
  if (!(await claim.takeUnlessHeld())) {
    throw new RebuildRefused(`another rebuild of ${name} is running (${rebuildKey(name)} in bucket ${PROGRESS_BUCKET}); wait for it to end`);
  }
  const renewal = setInterval(() => void claim.renew(), (options.lease ?? CLAIM).renewMs);
  try {
    const pointer = new ActiveViewBucket(progress, name);
    const active = await pointer.read();
    const target = viewBuckets(name).find((bucket) => bucket !== active.bucket) ?? active.bucket;
    const filled = await fill(nats, view, progress, target, options, logger);
    if (!(await claim.renew())) throw new RebuildRefused(`the rebuild of ${name} lost its lease while filling ${target}; nothing was switched`);
    const revisionOffset = active.revisionOffset + (await seal(nats, active.bucket));
    if (!(await pointer.switchTo(active, target, revisionOffset))) {
      throw new RebuildRefused(`view ${name} was switched by someone else meanwhile; ${target} was not switched to`);
    }
    const oldBucketRemoved = !options.keepOld;
    if (oldBucketRemoved) {
      await sleep(options.graceMs ?? GRACE_MS);
      await removeBucket(nats, active.bucket);
    }
    return { view: name, from: active.bucket, to: target, filled, oldBucketRemoved };
  } finally {
    clearInterval(renewal);
    await claim.release();
  }
};

/** Empties `target` and fills it from the stream; its checkpoint is stored when this returns. */
const fill = async <E extends Message<string, unknown>, D>(
  nats: NatsClient,
  view: RebuiltView<E, D>,
  progress: KV,
  target: string,
  options: RebuildOptions,
  logger: Logger,
): Promise<ReplayProgress> => {
  const name = view.projection.name;
  await removeBucket(nats, target);
  await progress.purge(checkpointKey(name, target));
  await openViewBucket(nats, target, options.replicas ?? 1);
  const checkpoint = new ViewCheckpoint(progress, checkpointKey(name, target));
  const writer = new ViewWriter(view.projection, logger, () => true);
  const filled = await replayStream(nats, view, await leaderDocuments(nats, target), writer, logger, (step) => {
    checkpoint.advance(step.through);
    options.onProgress?.(step);
  });
  await checkpoint.close();
  if ((await checkpoint.read()) < filled.through) throw new Error(`the checkpoint of ${target} could not be stored; nothing was switched, run the rebuild again`);
  return filled;
};

/** Makes the bucket read-only and returns its last revision, final from then on; 0 when it does not exist. */
const seal = async (nats: NatsClient, bucket: string): Promise<number> => {
  if (!(await bucketExists(nats, bucket))) return 0;
  // The client's update type leaves `sealed` out, as it cannot be undone; the server takes it like any other field.
  const sealed: Partial<StreamConfig> = { sealed: true };
  return (await nats.jsm.streams.update(`KV_${bucket}`, sealed)).state.last_seq;
};

const removeBucket = async (nats: NatsClient, bucket: string): Promise<void> => {
  if (await bucketExists(nats, bucket)) await nats.jsm.streams.delete(`KV_${bucket}`);
};

/** The bucket a view lives in right now, for what inspects it without projecting it. */
export const activeBucketOf = async (nats: NatsClient, view: string): Promise<ActiveBucket> =>
  new ActiveViewBucket(await nats.kvm.open(PROGRESS_BUCKET), view).read();

/** A rebuild that died is replaced after 5 s without renewal. */
const CLAIM: LeaseTiming = { ttlMs: 5_000, renewMs: 1_000 };
/** Instances read the pointer every second: 3 s leaves them time to move before the old bucket goes. */
const GRACE_MS = 3_000;
