import type { Message } from '@libs/decider/decider';
import { isStateView, type Board, type StateViewSlice } from '@libs/event-model/board';
import type { NatsClient } from '@adapter/nats/nats.client';
import { ViewRunner, type ViewRunnerOptions } from './view.runner';

/**
 * The state views of the app's boards this process projects or queries (every one unless told), one `ViewRunner`
 * each, made from the manifests: what the runtime projects, queries read, live clients watch, and readiness and
 * metrics look at.
 */
export class BoardViews {
  readonly all: readonly ViewRunner[];
  private readonly bySlice: ReadonlyMap<StateViewSlice, ViewRunner>;

  constructor(boards: readonly Board[], nats: NatsClient, options: ViewRunnerOptions, includes: (view: StateViewSlice) => boolean = () => true) {
    const views = boards.flatMap(({ slices }) => slices.filter(isStateView)).filter(includes);
    this.bySlice = new Map(views.map((slice) => [slice, new ViewRunner(nats, slice, options)]));
    this.all = [...this.bySlice.values()];
  }

  /** The runner of a view slice of the app's boards, for its queries. */
  of<E extends Message<string, unknown>, D>(slice: StateViewSlice<E, D>): ViewRunner<E, D> {
    const runner = this.bySlice.get(slice);
    if (!runner) throw new Error(`view ${slice.name} is on none of the app's boards, or this process's roles neither project nor query it: add its slice to its board's manifest, or check RUN_ROLES`);
    return runner as unknown as ViewRunner<E, D>;
  }
}
