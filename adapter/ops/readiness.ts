import { Inject, Injectable } from '@nestjs/common';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { TIMER_REGISTRY_BUCKET } from '@stream/timers.stream';
import { NatsClient } from '@adapter/nats/nats.client';
import { PROGRESS_BUCKET } from '@adapter/projection/view-buckets';
import { APP_CONFIG } from '@adapter/config/app-config.token';
import type { AppConfig } from '@adapter/config/app.config';
import { APP_BOARDS, RUNNING_ROLES } from '@adapter/runtime/boards.token';
import { BoardProcesses } from '@adapter/runtime/board-processes';
import { BoardTimers } from '@adapter/runtime/board-timers';
import type { RunningRoles } from '@adapter/runtime/running-roles';
import type { Board } from '@libs/event-model/board';
import { valueWithin, viewFigures, type WatchedView } from './consumer-figures';
import { WatchedConsumers } from './watched-consumers';

/** One thing the app needs to serve: its name (`nats`, `stream HOTEL`, `bucket projectors`, `view booking-board`…), and how it stands. */
export interface ReadinessCheck {
  readonly name: string;
  readonly ready: boolean;
  readonly detail: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: readonly ReadinessCheck[];
}

/** Longest wait for one check's answer from NATS; a check without an answer is not ready. */
export const READY_CHECK_TIMEOUT_MS = 2_000;

/**
 * Whether this instance can serve: connected to NATS; its streams, view buckets and the projectors'
 * bucket present; each automation's durable consumer present; each view within `READY_MAX_LAG_MESSAGES`
 * of its stream. Requests arriving while a check runs share it, so a flood of probes costs NATS one
 * check at a time.
 */
@Injectable()
export class Readiness {
  private checking: Promise<ReadinessReport> | undefined;

  constructor(
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(WatchedConsumers) private readonly watched: WatchedConsumers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_BOARDS) private readonly boards: readonly Board[],
    @Inject(RUNNING_ROLES) private readonly roles: RunningRoles,
    @Inject(BoardTimers) private readonly timers: BoardTimers,
    @Inject(BoardProcesses) private readonly processes: BoardProcesses,
  ) {}

  check(): Promise<ReadinessReport> {
    this.checking ??= this.run().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async run(): Promise<ReadinessReport> {
    if (!this.nats.isConnected) return report([{ name: 'nats', ready: false, detail: 'not connected; the client is reconnecting' }]);
    // A process apart checks what its roles touch: it may not even look at the other streams.
    const own = this.roles.createsTopology ? this.boards.flatMap(({ streams: all }) => all) : this.roles.streams;
    const owner = this.roles.createsTopology;
    const deadLetters = owner || this.watched.automations.length > 0 ? [DEAD_LETTER_STREAM.name] : [];
    const streams = [...own.map(({ name }) => name), ...deadLetters, ...this.timers.spaces.map(({ space }) => space.stream)];
    const progress = owner || this.watched.views.length > 0 || this.processes.all.length > 0 ? [PROGRESS_BUCKET] : [];
    const buckets = [...this.watched.views.map((view) => view.bucketName), ...progress, ...(this.watched.timers ? [TIMER_REGISTRY_BUCKET] : [])];
    const checks = await Promise.all([
      ...streams.map((stream) => this.exists(`stream ${stream}`, this.nats.jsm.streams.info(stream))),
      ...buckets.map((bucket) => this.exists(`bucket ${bucket}`, this.nats.jsm.streams.info(`KV_${bucket}`))),
      ...this.watched.automations.map((automation) =>
        this.exists(`automation ${automation.name}`, this.nats.jsm.consumers.info(automation.streamName, automation.name)),
      ),
      ...this.watched.views.map((view) => this.caughtUp(view)),
    ]);
    return report([{ name: 'nats', ready: true, detail: 'connected' }, ...checks]);
  }

  private async exists(name: string, info: Promise<unknown>): Promise<ReadinessCheck> {
    const found = await valueWithin(info, READY_CHECK_TIMEOUT_MS);
    return found === undefined ? { name, ready: false, detail: `missing, or no answer from NATS within ${READY_CHECK_TIMEOUT_MS} ms` } : { name, ready: true, detail: 'present' };
  }

  private async caughtUp(view: WatchedView): Promise<ReadinessCheck> {
    const name = `view ${view.viewName}`;
    const figures = await valueWithin(viewFigures(this.nats, view), READY_CHECK_TIMEOUT_MS);
    if (figures === undefined) return { name, ready: false, detail: `its progress could not be read from NATS within ${READY_CHECK_TIMEOUT_MS} ms` };
    const bound = this.config.readyMaxLagMessages;
    const detail = `lag ${figures.lagMessages} of at most ${bound} (READY_MAX_LAG_MESSAGES)`;
    return { name, ready: figures.lagMessages <= bound, detail };
  }
}

const report = (checks: readonly ReadinessCheck[]): ReadinessReport => ({ ready: checks.every((check) => check.ready), checks });
