import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '@adapter/config/app.config';
import { ClientThrottle, THROTTLER_NAME } from './client-throttle';
import { ClientThrottlerGuard } from './client-throttler.guard';
import { WindowCounterStorage } from './window-counter.storage';

/**
 * Rate limits per client (`RATE_LIMIT_REQUESTS` per `RATE_LIMIT_WINDOW_MS`). Import it before the
 * runtime module: its guard must run before the credentials guard, so refused requests count too.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    const window = config.rateLimitWindowMs;
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: THROTTLER_NAME, limit: config.rateLimitRequests, ttl: window, blockDuration: window }],
          storage: new WindowCounterStorage(),
          errorMessage: `too many requests from this client: at most ${config.rateLimitRequests} per ${window} ms; retry after the Retry-After header's seconds`,
        }),
      ],
      providers: [ClientThrottle, { provide: APP_GUARD, useClass: ClientThrottlerGuard }],
      exports: [ClientThrottle],
    };
  }
}
