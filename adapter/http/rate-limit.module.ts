import { Module } from '@nestjs/common';
import { ClientThrottle } from './client-throttle';
import { WindowCounterStorage } from './window-counter.storage';

/**
 * Rate limits per client (`RATE_LIMIT_REQUESTS` per `RATE_LIMIT_WINDOW_MS`): the counts, and who a request
 * counts against. HTTP requests are counted by the edge guard (`guardEdge`), `/live` upgrades by the
 * websocket adapter, both through `ClientThrottle`.
 */
@Module({
  providers: [{ provide: WindowCounterStorage, useFactory: () => new WindowCounterStorage() }, ClientThrottle],
  exports: [ClientThrottle],
})
export class RateLimitModule {}
