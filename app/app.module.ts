import { Module, type DynamicModule } from '@nestjs/common';
import type { Board } from '@libs/event-model/board';
import type { AppConfig } from '@adapter/config/app.config';
import { ConfigModule } from '@adapter/config/config.module';
import { HttpModule } from '@adapter/http/http.module';
import { QueryDeadlineModule } from '@adapter/http/query-deadline';
import { OutboxModule } from '@adapter/ops/outbox.module';
import { RateLimitModule } from '@adapter/http/rate-limit.module';
import { LiveModule } from '@adapter/live/live.module';
import { OpsModule } from '@adapter/ops/ops.module';
import { RuntimeModule } from '@adapter/runtime/runtime.module';
import { TransportModule } from '@adapter/transport/transport.module';
import { EventModelModule } from './event-model/event-model.http';

/** The whole app, running `boards`. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { natsUrl: string }, boards: readonly Board[]): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        RateLimitModule,
        HttpModule.forRoot(config),
        QueryDeadlineModule,
        RuntimeModule.forBoards(config, boards),
        OutboxModule,
        TransportModule.forRoot(config),
        LiveModule,
        OpsModule.forRoot(config),
        EventModelModule,
      ],
    };
  }
}
