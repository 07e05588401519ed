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
import { APP_CONFIG } from '@adapter/config/app-config.token';
import type { AppConfig } from '@adapter/config/app.config';
import { BoardSettings } from '@adapter/config/board-settings';
import { Outbox } from '@adapter/effects/outbox';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { NatsClient } from '@adapter/nats/nats.client';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { Tracing } from '@adapter/telemetry/tracing';
import { deadLetterStreamConfig, ensureStream, eventStreamConfig } from '@adapter/topology/topology';
import { BoardAutomations } from './board-automations';
import { BoardProcesses } from './board-processes';
import { BoardTimers } from './board-timers';
import { BoardViews } from './board-views';
import { EffectChannels } from './effect-channels';
import { APP_BOARDS, EVENT_STORE } from './boards.token';
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
 */
@Global()
@Module({})
export class RuntimeModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Effects');

  constructor(
    @Inject(APP_BOARDS) private readonly boards: readonly Board[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    return {
      module: RuntimeModule,
      controllers: boards.flatMap(({ controllers }) => controllers as never[]),
      providers: [
        { provide: APP_BOARDS, useValue: boards },
        { provide: NatsClient, useFactory: () => NatsClient.connect({ servers: config.natsUrl, name: 'event-model-app', auth: config.natsAuth }) },
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
          useFactory: (nats: NatsClient) => new BoardViews(boards, nats, { replicas: config.streamReplicas, queryWaitMs: config.queryWaitMs }),
        },
        { provide: BoardSettings, useFactory: () => new BoardSettings(settingsOf(boards), config.env, config.embeddedNats) },
        { provide: Outbox, inject: [NatsClient], useFactory: (nats: NatsClient) => new Outbox(nats, config.streamReplicas) },
        { provide: EffectChannels, inject: [Outbox], useFactory: (outbox: Outbox) => new EffectChannels(config.effects, outbox) },
        {
          provide: BoardTimers,
          inject: [NatsClient, SliceHandlers, BoardSettings, CommandTelemetry, AppMetrics, EffectChannels],
          useFactory: (nats: NatsClient, handlers: SliceHandlers, settings: BoardSettings, telemetry: CommandTelemetry, metrics: AppMetrics, channels: EffectChannels) =>
            new BoardTimers(boards, nats, { replicas: config.streamReplicas, handlers, settings, telemetry, metrics, channels }),
        },
        {
          provide: BoardProcesses,
          inject: [NatsClient, SliceHandlers, CommandTelemetry],
          useFactory: (nats: NatsClient, handlers: SliceHandlers, telemetry: CommandTelemetry) => new BoardProcesses(boards, nats, handlers, telemetry, config.streamReplicas),
        },
        {
          provide: BoardAutomations,
          inject: [NatsClient, SliceHandlers, BoardSettings, CommandTelemetry],
          useFactory: (nats: NatsClient, handlers: SliceHandlers, settings: BoardSettings, telemetry: CommandTelemetry) => new BoardAutomations(boards, nats, handlers, settings, telemetry),
        },
      ],
      exports: [APP_BOARDS, NatsClient, AppMetrics, Tracing, CommandTelemetry, JetStreamEventStore, EVENT_STORE, SliceHandlers, BoardViews, BoardAutomations, BoardTimers, BoardProcesses, BoardSettings, Outbox, EffectChannels],
    };
  }

  async onModuleInit(): Promise<void> {
    const replicas = this.config.streamReplicas;
    for (const stream of this.boards.flatMap(({ streams }) => streams)) await ensureStream(this.nats, eventStreamConfig(stream.name, stream.subjects, replicas));
    await ensureStream(this.nats, deadLetterStreamConfig(DEAD_LETTER_STREAM.name, DEAD_LETTER_STREAM.subjects, replicas));
    for (const { projector } of this.views.all) {
      await projector.ensure();
      projector.start({ project: this.config.runViewProjectors });
    }
    await this.outbox.ensure();
    this.logger.log({ message: 'where effects deliver', ...this.channels.destinations });
    if (this.timers.needed) {
      await this.timers.store.ensure();
      await this.timers.scheduler.ensure();
    }
    for (const consumer of [...this.automations.all.map(({ consumer }) => consumer), ...this.timers.consumers]) {
      await consumer.ensure();
      if (this.config.runAutomations) consumer.start();
    }
    if (this.timers.needed && this.config.runAutomations) this.timers.scheduler.start();
    for (const process of this.processes.all) {
      await process.ensure();
      if (this.config.runAutomations) process.start();
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo) await seedDemoData(this.boards, this.handlers);
  }

  /** Lets every projection and automation finish what it holds, before the NATS connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([
      ...this.views.all.map(({ projector }) => projector.stop()),
      ...this.automations.all.map(({ consumer }) => consumer.stop()),
      ...this.timers.consumers.map((consumer) => consumer.stop()),
      ...this.processes.all.map((process) => process.stop()),
      this.timers.scheduler.stop(),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.channels.close();
    await this.nats.close();
    await this.tracing.shutdown();
  }
}
