import { Inject, Injectable } from '@nestjs/common';
import { BoardAutomations } from '@adapter/runtime/board-automations';
import { BoardProcesses } from '@adapter/runtime/board-processes';
import { BoardTimers } from '@adapter/runtime/board-timers';
import { BoardViews } from '@adapter/runtime/board-views';
import type { WatchedAutomation, WatchedView } from './consumer-figures';

/** The app's state views and its automations, timers, effects and processes (each a durable consumer), as its boards declare them, for readiness and metrics. */
@Injectable()
export class WatchedConsumers {
  readonly views: readonly WatchedView[];
  readonly automations: readonly WatchedAutomation[];

  /** Whether the app keeps timers: then the TIMERS stream and its registry are needed. */
  readonly timers: boolean;

  constructor(
    @Inject(BoardViews) views: BoardViews,
    @Inject(BoardAutomations) automations: BoardAutomations,
    @Inject(BoardTimers) timers: BoardTimers,
    @Inject(BoardProcesses) processes: BoardProcesses,
  ) {
    this.views = views.all.map(({ projector }) => projector);
    this.automations = [...automations.all.map(({ consumer }) => consumer), ...timers.consumers, ...processes.consumers];
    this.timers = timers.needed;
  }
}
