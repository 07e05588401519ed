import { Inject, Injectable } from '@nestjs/common';
import { BoardAutomations } from '@adapter/runtime/board-automations';
import { BoardViews } from '@adapter/runtime/board-views';
import type { WatchedAutomation, WatchedView } from './consumer-figures';

/** The app's state views and automations, as its boards declare them, for readiness and metrics. */
@Injectable()
export class WatchedConsumers {
  readonly views: readonly WatchedView[];
  readonly automations: readonly WatchedAutomation[];

  constructor(@Inject(BoardViews) views: BoardViews, @Inject(BoardAutomations) automations: BoardAutomations) {
    this.views = views.all.map(({ projector }) => projector);
    this.automations = automations.all.map(({ consumer }) => consumer);
  }
}
