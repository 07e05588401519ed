import { Module, type DynamicModule } from '@nestjs/common';
import { HotelModule } from '@feature/hotel/hotel.module';
import { RateLimitModule } from '@adapter/http/rate-limit.module';
import { LiveModule } from '@adapter/live/live.module';
import { OpsModule } from '@adapter/ops/ops.module';
import type { AppConfig } from '@adapter/runtime/app.config';
import { RuntimeModule } from '@adapter/runtime/runtime.module';
import { EventModelModule } from './event-model/event-model.http';

/** The whole app; the rate limit comes first, so its guard runs before the credentials guard. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { natsUrl: string }): DynamicModule {
    return { module: AppModule, imports: [RateLimitModule.forRoot(config), RuntimeModule.forRoot(config), HotelModule, LiveModule, OpsModule, EventModelModule] };
  }
}
