import { Logger } from '@nestjs/common';
import type { KV, KvWatchEntry } from '@nats-io/kv';
import type { QueuedIterator } from '@nats-io/nats-core';
import type { NatsClient } from '@adapter/nats/nats.client';
import { scanBucket } from '@adapter/projection/bucket-scan';
import type { ActiveBucket } from '@adapter/projection/view-buckets';
import { parseViewEntry } from '@adapter/projection/view-store';
import type { LiveValue } from './live.protocol';

/** One change of a view: a key's new value, or its deletion (`value: null`). */
export interface ViewChange {
  readonly key: string;
  readonly revision: number;
  readonly value: LiveValue | null;
}

export type ChangeListener = (change: ViewChange) => void;

/** Where a view's values are: its bucket right now (the projector), and the news that it moved to another. */
export interface ViewBucketSource {
  readonly view: KV;
  readonly active: ActiveBucket;
  onSwitch(listener: () => void): () => void;
}

export interface ViewFeedOptions {
  /** How often the feed checks that its watch still delivers what the bucket holds. */
  readonly livenessCheckMs: number;
}

/**
 * Every change of one view's KV bucket, from a single KV watch per process, fanned out to
 * its listeners in revision order. The feed remembers the last revision it delivered, so
 * when its watch dies (the server restarted, the client reconnected, or the watch silently
 * stopped receiving, as KV watchers are known to do after a reconnect) it watches again from
 * the next revision: listeners see no gap and no repeat.
 *
 * Revisions are the bucket's own plus the view's revision offset, which a rebuild raises past every
 * revision of the bucket it replaces. When the view moves to its rebuilt bucket, the feed watches that
 * bucket from its start: every key's value comes again, at revisions above all those sent before, so
 * listeners and clients resuming after a revision go on growing.
 */
export class ViewFeed {
  private readonly logger: Logger;
  private readonly listeners = new Set<ChangeListener>();
  private position = 0;
  private generation = 0;
  private watcher: QueuedIterator<KvWatchEntry> | undefined;
  private started: Promise<void> | undefined;
  private stopped = false;
  private livenessTimer: NodeJS.Timeout | undefined;
  private suspectedAt: number | undefined;
  private rewatching: Promise<void> | undefined;
  private unfollow: (() => void) | undefined;

  constructor(
    private readonly nats: NatsClient,
    readonly view: string,
    private readonly source: ViewBucketSource,
    private readonly options: ViewFeedOptions,
  ) {
    this.logger = new Logger(`Live ${view}`);
  }

  /** Starts watching from the bucket's current end, once. */
  start(): Promise<void> {
    this.started ??= this.begin().catch((error: unknown) => {
      this.started = undefined;
      throw error;
    });
    return this.started;
  }

  listen(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reads the bucket's entries matching `pattern` as they are now (the latest of each key), or
   * every change after revision `after` that the bucket still holds, in revision order.
   */
  async snapshot(pattern: string, after: number | undefined, each: (change: ViewChange) => void): Promise<void> {
    const active = this.source.active;
    const from = after === undefined ? undefined : after - active.revisionOffset;
    // A client that last saw an earlier bucket gets every key's current value: the rebuilt bucket is a new history.
    await scanBucket(this.nats, active.bucket, { pattern, ...(from === undefined || from < 0 ? {} : { after: from }) }, ({ key, revision, value }) =>
      each(this.toChange(active, key, revision, value)),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    clearInterval(this.livenessTimer);
    this.unfollow?.();
    this.watcher?.stop();
    this.listeners.clear();
    await this.rewatching;
  }

  private async begin(): Promise<void> {
    const active = this.source.active;
    this.position = active.revisionOffset + (await this.nats.jsm.streams.info(`KV_${active.bucket}`)).state.last_seq;
    this.unfollow = this.source.onSwitch(() => this.rewatch(`the view moved to bucket ${this.source.active.bucket}`));
    await this.watch();
    this.livenessTimer = setInterval(() => void this.checkLiveness(), this.options.livenessCheckMs);
    this.livenessTimer.unref();
    void this.rewatchOnReconnect();
  }

  /** Watches the view's bucket after the last revision delivered; again when the view moved meanwhile. */
  private async watch(): Promise<void> {
    for (let active: ActiveBucket | undefined; active !== this.source.active; ) {
      active = this.source.active;
      await this.watchBucket(active, this.source.view);
    }
  }

  private async watchBucket(active: ActiveBucket, bucket: KV): Promise<void> {
    const generation = ++this.generation;
    this.watcher?.stop();
    const after = this.position - active.revisionOffset;
    const watcher = await bucket.watch(after >= 0 ? { resumeFromRevision: after + 1 } : {});
    this.watcher = watcher;
    void (async () => {
      try {
        for await (const entry of watcher) {
          if (generation !== this.generation) return;
          const body = entry.string();
          this.deliver(this.toChange(active, entry.key, entry.revision, entry.operation !== 'PUT' || body.length === 0 ? null : body));
        }
      } catch (error) {
        this.logger.warn({ message: 'view watch failed', error: String(error) });
      }
      if (generation === this.generation) this.rewatch('the watch ended');
    })();
  }

  private deliver(change: ViewChange): void {
    if (change.revision <= this.position) return;
    this.position = change.revision;
    this.suspectedAt = undefined;
    for (const listener of this.listeners) listener(change);
  }

  /** Watches again from the last delivered revision; retried until it works or the feed stops. */
  private rewatch(reason: string): void {
    if (this.stopped || this.rewatching) return;
    this.logger.warn({ message: 'watching the view again', reason, afterRevision: this.position });
    this.rewatching = (async () => {
      for (let attempt = 0; !this.stopped; attempt++) {
        try {
          await this.watch();
          return;
        } catch (error) {
          this.logger.warn({ message: 'cannot watch the view yet, retrying', attempt, error: String(error) });
          await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2_000)));
        }
      }
    })().finally(() => (this.rewatching = undefined));
  }

  private async rewatchOnReconnect(): Promise<void> {
    for await (const status of this.nats.connection.status()) {
      if (this.stopped) return;
      if (status.type === 'reconnect') this.rewatch('NATS reconnected');
    }
  }

  /**
   * A watch can stay silent after a reconnect while the bucket moves on. The bucket's last
   * revision is compared with the feed's at each check while anyone listens; behind at two checks in a row, with
   * nothing delivered in between, means the watch is dead.
   */
  private async checkLiveness(): Promise<void> {
    if (this.stopped || this.rewatching || this.listeners.size === 0 || !this.nats.isConnected) return;
    const active = this.source.active;
    const info = await this.nats.jsm.streams.info(`KV_${active.bucket}`).catch(() => undefined);
    if (!info || active.revisionOffset + info.state.last_seq <= this.position) {
      this.suspectedAt = undefined;
      return;
    }
    if (this.suspectedAt === this.position) this.rewatch(`the watch is stuck at revision ${this.position} while the bucket is at ${info.state.last_seq}`);
    else this.suspectedAt = this.position;
  }

  private toChange(active: ActiveBucket, key: string, bucketRevision: number, body: string | null): ViewChange {
    const revision = active.revisionOffset + bucketRevision;
    if (body === null) return { key, revision, value: null };
    try {
      return { key, revision, value: parseViewEntry<unknown>(body) };
    } catch (error) {
      this.logger.error({ message: 'a view entry is not JSON; sent as deleted', key, revision, error: String(error) });
      return { key, revision, value: null };
    }
  }
}
