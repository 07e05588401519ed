import {
  Global,
  Inject,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { settingsOf, type Board } from '@libs/event-model/board';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { OUTBOX_CHANNELS, OUTBOX_STREAM, type OutboxChannel } from '@stream/outbox.stream';
import { TIMER_REGISTRY_BUCKET, timerSpace } from '@stream/timers.stream';
import { rolesKeepingTime } from '@libs/event-model/board-roles';
import { TimerStore } from '@adapter/timers/timer-store';
import { APP_CONFIG } from '@adapter/config/app-config.token';
import type { AppConfig } from '@adapter/config/app.config';
import { BoardSettings } from '@adapter/config/board-settings';
import { Outbox } from '@adapter/effects/outbox';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { NatsClient } from '@adapter/nats/nats.client';
import { PROGRESS_BUCKET } from '@adapter/projection/view-buckets';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { Tracing } from '@adapter/telemetry/tracing';
import { deadLetterStreamConfig, ensureStream, eventStreamConfig } from '@adapter/topology/topology';
import { BoardAutomations } from './board-automations';
import { BoardProcesses } from './board-processes';
import { BoardTimers } from './board-timers';
import { BoardViews } from './board-views';
import { RunningRoles } from './running-roles';
import { requireStream, requireBucket } from './role-topology';
import { EffectChannels } from './effect-channels';
import { APP_BOARDS, EVENT_STORE, RUNNING_ROLES } from './boards.token';
import { seedDemoData } from './demo-data';
import { SliceHandlers } from '@libs/command/slice-handlers';

/**
 * The runtime of the app's boards: the NATS connection, the event store, metrics and tracing, one command
 * handler per state change, one projector per view and one durable consumer per automation, all made from
 * the boards' manifests, and the boards' controllers. At start it creates every board's streams (and the
 * dead letters), then the views' buckets and the automations' consumers, then starts those this instance
 * runs (`RUN_VIEW_PROJECTORS`, `RUN_AUTOMATIONS`: automations, timers, effects and processes); once the app is up it
 * decides the demo data (`SEED_DEMO`). The local outbox (its stream made at start) is one instance, shared by the
 * effects that deliver into it and by `GET /outbox`; the start log says where each effect channel delivers.
 *
 * With `RUN_ROLES`, the process runs only those roles' slices, serves only the controllers of the boards whose
 * front it runs, and connects with its role's inboxes. Only the app's own role creates streams and buckets; a
 * process without it checks that those it touches exist, and stops with the role and the stream when one does not.
 */
@Global()
@Module({})
export class RuntimeModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Effects');

  constructor(
    @Inject(APP_BOARDS) private readonly boards: readonly Board[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNNING_ROLES) private readonly roles: RunningRoles,
    private readonly nats: NatsClient,
    private readonly tracing: Tracing,
    private readonly handlers: SliceHandlers,
    private readonly views: BoardViews,
    private readonly automations: BoardAutomations,
    private readonly timers: BoardTimers,
    private readonly processes: BoardProcesses,
    private readonly outbox: Outbox,
    private readonly channels: EffectChannels,
  ) {}

  static forBoards(config: AppConfig & { natsUrl: string }, boards: readonly Board[]): DynamicModule {
    const roles = new RunningRoles(boards, config.runRoles);
    return {
      module: RuntimeModule,
      controllers: boards.filter((board) => roles.serves(board)).flatMap(({ controllers }) => controllers as never[]),
      providers: [
        { provide: APP_BOARDS, useValue: boards },
        { provide: RUNNING_ROLES, useValue: roles },
        {
          provide: NatsClient,
          useFactory: () => NatsClient.connect({ servers: config.natsUrl, name: 'event-model-app', auth: config.natsAuth, inboxPrefix: roles.inboxPrefix }),
        },
        { provide: AppMetrics, useFactory: () => new AppMetrics() },
        { provide: Tracing, useFactory: () => new Tracing(config.tracesExporter) },
        { provide: CommandTelemetry, inject: [Tracing, AppMetrics], useFactory: (tracing: Tracing, metrics: AppMetrics) => new CommandTelemetry(tracing, metrics) },
        {
          provide: JetStreamEventStore,
          inject: [NatsClient, AppMetrics],
          useFactory: (nats: NatsClient, metrics: AppMetrics) => new JetStreamEventStore(nats, { retryBudgetMs: config.retryBudgetMs, metrics }),
        },
        { provide: EVENT_STORE, useExisting: JetStreamEventStore },
        {
          provide: SliceHandlers,
          inject: [JetStreamEventStore, AppMetrics],
          useFactory: (store: JetStreamEventStore, metrics: AppMetrics) => new SliceHandlers(boards, store, { maxAttempts: config.commandAttempts, counters: metrics.commands, log: (name) => new Logger(`Command ${name}`) }),
        },
        {
          provide: BoardViews,
          inject: [NatsClient],
          useFactory: (nats: NatsClient) => new BoardViews(boards, nats, { replicas: config.streamReplicas, queryWaitMs: config.queryWaitMs }, (view) => roles.runs(view) || roles.queries(view)),
        },
        { provide: BoardSettings, useFactory: () => new BoardSettings(settingsOf(boards), config.env, config.embeddedNats) },
        { provide: Outbox, inject: [NatsClient], useFactory: (nats: NatsClient) => new Outbox(nats, config.streamReplicas) },
        { provide: EffectChannels, inject: [Outbox], useFactory: (outbox: Outbox) => new EffectChannels(config.effects, outbox) },
        {
          provide: BoardTimers,
          inject: [NatsClient, SliceHandlers, BoardSettings, CommandTelemetry, AppMetrics, EffectChannels],
          useFactory: (nats: NatsClient, handlers: SliceHandlers, settings: BoardSettings, telemetry: CommandTelemetry, metrics: AppMetrics, channels: EffectChannels) =>
            new BoardTimers(boards, nats, { replicas: config.streamReplicas, handlers, settings, telemetry, metrics, channels, runs: (slice) => roles.runs(slice) }),
        },
        {
          provide: BoardProcesses,
          inject: [NatsClient, SliceHandlers, CommandTelemetry],
          useFactory: (nats: NatsClient, handlers: SliceHandlers, telemetry: CommandTelemetry) => new BoardProcesses(boards, nats, handlers, telemetry, config.streamReplicas, (slice) => roles.runs(slice)),
        },
        {
          provide: BoardAutomations,
          inject: [NatsClient, SliceHandlers, BoardSettings, CommandTelemetry],
          useFactory: (nats: NatsClient, handlers: SliceHandlers, settings: BoardSettings, telemetry: CommandTelemetry) => new BoardAutomations(boards, nats, handlers, settings, telemetry, (slice) => roles.runs(slice)),
        },
      ],
      exports: [APP_BOARDS, RUNNING_ROLES, NatsClient, AppMetrics, Tracing, CommandTelemetry, JetStreamEventStore, EVENT_STORE, SliceHandlers, BoardViews, BoardAutomations, BoardTimers, BoardProcesses, BoardSettings, Outbox, EffectChannels],
    };
  }

  async onModuleInit(): Promise<void> {
    const replicas = this.config.streamReplicas;
    const owner = this.roles.createsTopology;
    const consumers = [...this.automations.all.map(({ consumer }) => consumer), ...this.timers.consumers, ...this.processes.consumers];
    if (owner) {
      for (const stream of this.boards.flatMap(({ streams }) => streams)) await ensureStream(this.nats, eventStreamConfig(stream.name, stream.subjects, replicas));
      await ensureStream(this.nats, deadLetterStreamConfig(DEAD_LETTER_STREAM.name, DEAD_LETTER_STREAM.subjects, replicas));
      // Every role's timers stream and the registry, those of roles run apart included: their users may not create them.
      for (const role of rolesKeepingTime(this.boards)) await new TimerStore(this.nats, replicas, timerSpace(role)).ensure();
    } else {
      for (const { name } of this.roles.streams) await requireStream(this.nats, this.roles, name);
      if (consumers.length > 0) await requireStream(this.nats, this.roles, DEAD_LETTER_STREAM.name);
      if (this.views.all.length > 0 || this.processes.all.length > 0) await requireBucket(this.nats, this.roles, PROGRESS_BUCKET);
    }
    for (const { projector, slice } of this.views.all) {
      await projector.ensure({ create: owner });
      projector.start({ project: this.config.runViewProjectors && this.roles.runs(slice) });
    }
    if (owner) await this.outbox.ensure();
    else if (this.timers.effects.some(({ slice }) => deliversToOutbox(this.channels, slice.sender.name))) await requireStream(this.nats, this.roles, OUTBOX_STREAM.name);
    this.logger.log({ message: 'where effects deliver', ...this.channels.destinations });
    for (const { store, scheduler } of this.timers.spaces) {
      if (!owner) {
        await requireStream(this.nats, this.roles, store.space.stream);
        await requireBucket(this.nats, this.roles, TIMER_REGISTRY_BUCKET);
        await store.check();
      }
      await scheduler.ensure();
    }
    for (const consumer of [...this.automations.all.map(({ consumer }) => consumer), ...this.timers.consumers]) {
      await consumer.ensure();
      if (this.config.runAutomations) consumer.start();
    }
    if (this.config.runAutomations) for (const { scheduler } of this.timers.spaces) scheduler.start();
    for (const process of this.processes.all) {
      await process.ensure();
      if (this.config.runAutomations) process.start();
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo) await seedDemoData(this.boards.filter((board) => this.roles.serves(board)), this.handlers);
  }

  /** Lets every projection and automation finish what it holds, before the NATS connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([
      ...this.views.all.map(({ projector }) => projector.stop()),
      ...this.automations.all.map(({ consumer }) => consumer.stop()),
      ...this.timers.consumers.map((consumer) => consumer.stop()),
      ...this.processes.all.map((process) => process.stop()),
      ...this.timers.spaces.map(({ scheduler }) => scheduler.stop()),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.channels.close();
    await this.nats.close();
    await this.tracing.shutdown();
  }
}

/** Whether an effect's sender delivers into the local outbox: a channel with no service configured. */
const deliversToOutbox = (channels: EffectChannels, sender: string): boolean =>
  (OUTBOX_CHANNELS as readonly string[]).includes(sender) && channels.destinations[sender as OutboxChannel] === 'outbox';
