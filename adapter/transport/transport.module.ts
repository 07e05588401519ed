import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@adapter/config/app.config';
import { ProblemFilter } from '@adapter/edge/problem.filter';
import { NatsClient } from '@adapter/nats/nats.client';
import { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { NatsCommandTransport } from './nats-command.transport';

/**
 * The NATS edge: the transport the app connects as its microservice (`app.connectMicroservice`), and the
 * problem filter it shares with HTTP, so that errors become the same problem details on both.
 */
@Module({})
export class TransportModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: TransportModule,
      providers: [
        ProblemFilter,
        {
          provide: NatsCommandTransport,
          inject: [NatsClient, CommandTelemetry, ProblemFilter],
          useFactory: (nats: NatsClient, telemetry: CommandTelemetry, problems: ProblemFilter) =>
            new NatsCommandTransport(nats, telemetry, problems, { maxBodyBytes: config.bodyLimitBytes }),
        },
      ],
      exports: [ProblemFilter, NatsCommandTransport],
    };
  }
}
