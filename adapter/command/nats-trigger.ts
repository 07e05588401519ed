import { Inject, Injectable, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { APP_CONFIG } from '@adapter/runtime/app-config.token';
import type { AppConfig } from '@adapter/runtime/app.config';
import type { CommandEndpoint } from './command-reply';
import { NatsCommandServer } from './nats-command.server';

/** A NATS trigger class, with the subject it serves for whoever lists a slice's triggers. */
export type NatsTriggerType = Type<OnApplicationBootstrap> & { readonly subject: string };

/**
 * A slice's NATS trigger: serves its command endpoint on `subject` with request/reply once the
 * app has started, refusing bodies over `BODY_LIMIT_BYTES` as HTTP does.
 * Use as `export class BookRoomNats extends NatsTrigger(subject, BookRoomHandler) {}`.
 */
export const NatsTrigger = <I extends object>(subject: string, endpoint: Type<CommandEndpoint<I>>): NatsTriggerType => {
  @Injectable()
  class Trigger implements OnApplicationBootstrap {
    static readonly subject = subject;

    constructor(
      @Inject(NatsCommandServer) private readonly commands: NatsCommandServer,
      @Inject(endpoint) private readonly handler: CommandEndpoint<I>,
      @Inject(APP_CONFIG) private readonly config: AppConfig,
    ) {}

    onApplicationBootstrap(): void {
      this.commands.serve(subject, this.handler, this.config.bodyLimitBytes);
    }
  }
  return Trigger;
};
