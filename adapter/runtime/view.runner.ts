import type { Message } from '@libs/decider/decider';
import { NotFound, ServiceUnavailable } from '@libs/errors/domain-error';
import type { StateViewSlice } from '@libs/event-model/board';
import { isTransientNatsError, type NatsClient } from '@adapter/nats/nats.client';
import { KvProjector } from '@adapter/projection/kv-projector';
import { scanBucket } from '@adapter/projection/bucket-scan';
import { parseViewEntry, type StoredViewEntry } from '@adapter/projection/view-store';

/** A state view's document as queries answer it: the document, and how current it is. */
export interface ViewAnswer<D> {
  readonly view: D;
  readonly position: number;
  readonly updatedAt: string;
}

export interface ViewRunnerOptions {
  readonly replicas: number;
  /** How long a query with `?sequence=N` waits for the view to reach N (`QUERY_WAIT_MS`). */
  readonly queryWaitMs: number;
}

/** A page of a view's documents, in key order: those after `after` that `keep` keeps, at most `limit`. */
export interface ViewPageRequest<D> {
  readonly after?: string;
  readonly limit: number;
  readonly keep?: (document: D) => boolean;
  /** The order of keys (and of `after`): code-unit order unless told. */
  readonly order?: (left: string, right: string) => number;
}

export interface ViewPage<D> {
  readonly documents: readonly { readonly key: string; readonly view: D }[];
  /** The last key of a full page: ask again with `after` set to it for the next. */
  readonly next?: string;
}

/**
 * A state-view slice at run time: its projection kept in its KV bucket by a `KvProjector`, and its
 * queries answered from there, waiting first for a given stream sequence when the caller wants to read
 * its own write.
 */
export class ViewRunner<E extends Message<string, unknown> = Message<string, unknown>, D = unknown> {
  readonly projector: KvProjector<E, D>;

  constructor(
    private readonly nats: NatsClient,
    readonly slice: StateViewSlice<E, D>,
    private readonly options: ViewRunnerOptions,
  ) {
    this.projector = new KvProjector(nats, { stream: slice.stream, filterSubject: slice.subjects, projection: slice.projection, replicas: options.replicas });
  }

  /** The document under `key`, after the view reached `sequence` when one is given; `missing` says what is not there. */
  async query(key: string, missing: string, sequence?: number): Promise<ViewAnswer<D>> {
    if (sequence !== undefined) await this.projector.waitFor(sequence, this.options.queryWaitMs);
    const entry: StoredViewEntry<D> | null = await this.read(() => this.projector.read(key));
    if (!entry) throw new NotFound(missing);
    return { view: entry.view, position: entry.position, updatedAt: entry.updatedAt };
  }

  /**
   * A page of the view's documents in key order, read in one pass over its bucket (a batch of documents per
   * round trip, not one read per key). The pass still visits every document of the view: list views stay small,
   * or are filtered and paged.
   */
  async list({ after, limit, keep, order = byCodeUnits }: ViewPageRequest<D>): Promise<ViewPage<D>> {
    const found: { key: string; view: D }[] = [];
    await this.read(() =>
      scanBucket(this.nats, this.projector.active.bucket, { pattern: '>' }, ({ key, value }) => {
        if (value === null || (after !== undefined && order(key, after) <= 0)) return;
        const { view } = parseViewEntry<D>(value);
        if (!keep || keep(view)) found.push({ key, view });
      }),
    );
    found.sort((left, right) => order(left.key, right.key));
    const documents = found.slice(0, limit);
    return found.length > limit ? { documents, next: documents[documents.length - 1]!.key } : { documents };
  }

  /** A query's read: 503 when NATS is away or answers with a transient failure (a stalled one is cut short by `QueryDeadline`). */
  private async read<T>(work: () => Promise<T>): Promise<T> {
    this.nats.assertConnected();
    return work().catch((error: unknown) => {
      if (!isTransientNatsError(error)) throw error;
      throw new ServiceUnavailable('the view store (NATS KV) did not answer in time; retry in a moment', { cause: error });
    });
  }
}

const byCodeUnits = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);
