import type { Message } from '@libs/decider/decider';
import { NotFound, ServiceUnavailable } from '@libs/errors/domain-error';
import type { StateViewSlice } from '@libs/event-model/board';
import { isTransientNatsError, type NatsClient } from '@adapter/nats/nats.client';
import { KvProjector } from '@adapter/projection/kv-projector';
import type { StoredViewEntry } from '@adapter/projection/view-store';

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
    this.nats.assertConnected();
    const entry: StoredViewEntry<D> | null = await this.projector.read(key).catch((error: unknown) => {
      if (!isTransientNatsError(error)) throw error;
      throw new ServiceUnavailable('the view store (NATS KV) did not answer in time; retry in a moment', { cause: error });
    });
    if (!entry) throw new NotFound(missing);
    return { view: entry.view, position: entry.position, updatedAt: entry.updatedAt };
  }
}
