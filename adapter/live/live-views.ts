import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { NatsClient } from '@adapter/nats/nats.client';
import { BoardViews } from '@adapter/runtime/board-views';
import { ViewFeed } from './view-feed';

const LIVENESS_CHECK_MS = 2_000;

/**
 * The state views clients may watch: exactly the views of the app's boards.
 * Nothing else (streams, other buckets) can be reached through here. Each view's feed starts
 * with its first subscriber.
 */
@Injectable()
export class LiveViews implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly feeds = new Map<string, ViewFeed>();

  constructor(
    @Inject(BoardViews) private readonly views: BoardViews,
    @Inject(NatsClient) private readonly nats: NatsClient,
  ) {}

  onApplicationBootstrap(): void {
    for (const { projector } of this.views.all) {
      this.feeds.set(projector.viewName, new ViewFeed(this.nats, projector.viewName, projector, { livenessCheckMs: LIVENESS_CHECK_MS }));
    }
  }

  /** The names clients can subscribe to. */
  get names(): readonly string[] {
    return [...this.feeds.keys()].sort();
  }

  /** The feed of a view, started; `undefined` when no view has that name. */
  async feed(view: string): Promise<ViewFeed | undefined> {
    const feed = this.feeds.get(view);
    await feed?.start();
    return feed;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.feeds.values()].map((feed) => feed.stop()));
  }
}
