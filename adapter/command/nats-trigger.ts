import { Inject, Injectable, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import type { CommandEndpoint } from './command-reply';
import { NatsCommandServer } from './nats-command.server';

/**
 * A slice's NATS trigger: serves its command endpoint on `subject` with request/reply once the
 * app has started. Use as `export class BookRoomNats extends NatsTrigger(subject, BookRoomHandler) {}`.
 */
export const NatsTrigger = <I extends object>(subject: string, endpoint: Type<CommandEndpoint<I>>): Type<OnApplicationBootstrap> => {
  @Injectable()
  class Trigger implements OnApplicationBootstrap {
    constructor(
      @Inject(NatsCommandServer) private readonly commands: NatsCommandServer,
      @Inject(endpoint) private readonly handler: CommandEndpoint<I>,
    ) {}

    onApplicationBootstrap(): void {
      this.commands.serve(subject, this.handler);
    }
  }
  return Trigger;
};
