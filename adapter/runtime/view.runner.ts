import type { OnModuleInit } from '@nestjs/common';
import type { Message } from '@libs/decider/decider';
import { NotFound, ServiceUnavailable } from '@libs/errors/domain-error';
import { isTransientNatsError, type NatsClient } from '@adapter/nats/nats.client';
import { KvProjector, type ProjectorOptions } from '@adapter/projection/kv-projector';
import type { StoredViewEntry } from '@adapter/projection/view-store';
import type { AppConfig } from './app.config';
import type { Consumers } from './consumers';

/** A state view's document as queries answer it: the document, and how current it is. */
export interface ViewAnswer<D> {
  readonly view: D;
  readonly position: number;
  readonly updatedAt: string;
}

/**
 * Runs a state-view slice's projection for the app's lifetime, and answers its queries,
 * waiting first for a given stream sequence when the caller wants to read its own write.
 */
export abstract class ViewRunner<E extends Message<string, unknown>, D> implements OnModuleInit {
  readonly projector: KvProjector<E, D>;

  protected constructor(
    private readonly nats: NatsClient,
    private readonly config: AppConfig,
    private readonly consumers: Consumers,
    options: ProjectorOptions<E, D>,
  ) {
    this.projector = new KvProjector(nats, { replicas: config.streamReplicas, ...options });
  }

  async onModuleInit(): Promise<void> {
    await this.projector.ensure();
    this.projector.start({ project: this.consumers.projectsViews });
    this.consumers.track(this.projector);
  }

  /** The document under `key`, after the view reached `sequence` when one is given. */
  async query(key: string, missing: string, sequence?: number): Promise<ViewAnswer<D>> {
    if (sequence !== undefined) await this.projector.waitFor(sequence, this.config.queryWaitMs);
    this.nats.assertConnected();
    const entry: StoredViewEntry<D> | null = await this.projector.read(key).catch((error: unknown) => {
      if (!isTransientNatsError(error)) throw error;
      throw new ServiceUnavailable('the view store (NATS KV) did not answer in time; retry in a moment', { cause: error });
    });
    if (!entry) throw new NotFound(missing);
    return { view: entry.view, position: entry.position, updatedAt: entry.updatedAt };
  }
}
