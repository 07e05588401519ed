import {
  Global,
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { NatsCommandServer } from '@adapter/command/nats-command.server';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { Credentials } from '@adapter/http/credentials';
import { CredentialsGuard } from '@adapter/http/credentials.guard';
import { NatsClient } from '@adapter/nats/nats.client';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { Tracing } from '@adapter/telemetry/tracing';
import { deadLetterStreamConfig, ensureStream, eventStreamConfig } from '@adapter/topology/topology';
import { APP_CONFIG } from './app-config.token';
import { Consumers } from './consumers';
import type { AppConfig } from './app.config';

/** Streams the app needs; created or updated at start-up, before any consumer. */
export const EVENT_STREAMS = [HOTEL_STREAM];

/** The shared plumbing every slice uses: the NATS connection, the event store, the NATS command server, metrics and tracing. */
@Global()
@Module({})
export class RuntimeModule implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly nats: NatsClient,
    private readonly commands: NatsCommandServer,
    private readonly consumers: Consumers,
    private readonly tracing: Tracing,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static forRoot(config: AppConfig & { natsUrl: string }): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: NatsClient,
          useFactory: () => NatsClient.connect({ servers: config.natsUrl, name: 'event-model-app', auth: config.natsAuth }),
        },
        { provide: AppMetrics, useFactory: () => new AppMetrics() },
        { provide: Tracing, useFactory: () => new Tracing(config.tracesExporter) },
        {
          provide: JetStreamEventStore,
          inject: [NatsClient, AppMetrics],
          useFactory: (nats: NatsClient, metrics: AppMetrics) => new JetStreamEventStore(nats, { retryBudgetMs: config.retryBudgetMs, metrics }),
        },
        {
          provide: NatsCommandServer,
          inject: [NatsClient, AppMetrics, Tracing],
          useFactory: (nats: NatsClient, metrics: AppMetrics, tracing: Tracing) => new NatsCommandServer(nats, metrics, tracing),
        },
        Consumers,
        { provide: Credentials, useValue: new Credentials(config.authTokens) },
        { provide: APP_GUARD, useClass: CredentialsGuard },
      ],
      exports: [APP_CONFIG, NatsClient, AppMetrics, Tracing, JetStreamEventStore, NatsCommandServer, Consumers, Credentials],
    };
  }

  async onModuleInit(): Promise<void> {
    const replicas = this.config.streamReplicas;
    for (const stream of EVENT_STREAMS) await ensureStream(this.nats, eventStreamConfig(stream.name, stream.subjects, replicas));
    await ensureStream(this.nats, deadLetterStreamConfig(DEAD_LETTER_STREAM.name, DEAD_LETTER_STREAM.subjects, replicas));
  }

  /** Stops taking NATS commands, then lets every projection and automation finish what it holds. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.commands.close();
    await this.consumers.stopAll();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nats.close();
    await this.tracing.shutdown();
  }
}
