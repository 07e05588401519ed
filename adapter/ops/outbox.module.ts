import { Module } from '@nestjs/common';
import { RateLimitModule } from '@adapter/http/rate-limit.module';
import { OutboxLiveController } from './outbox-live.http';
import { OutboxPageController } from './outbox-page.http';
import { OutboxController } from './outbox.http';

/**
 * The local outbox over HTTP: `GET /outbox` (the last deliveries), `GET /outbox/live` (new ones as server-sent
 * events) and the page showing both (`GET /outbox/page`). The `Outbox` itself is the runtime's, the one effects
 * deliver into.
 */
@Module({
  imports: [RateLimitModule],
  controllers: [OutboxController, OutboxLiveController, OutboxPageController],
})
export class OutboxModule {}
