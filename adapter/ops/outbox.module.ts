import { Module } from '@nestjs/common';
import { OutboxController } from './outbox.http';

/** The local outbox over HTTP: `GET /outbox`. The `Outbox` itself is the runtime's, the one effects deliver into. */
@Module({ controllers: [OutboxController] })
export class OutboxModule {}
