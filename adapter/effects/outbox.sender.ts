import type { EffectRequest } from '@libs/event-model/board';
import { isEntityId } from '@libs/ids/entity-id';
import type { OutboxChannel } from '@stream/outbox.stream';
import type { EffectSender, SendAttempt, SendResult } from './effect-sender';
import type { Outbox } from './outbox';

/** Delivers a channel's messages into the local outbox: the embedded stand-in for an SMTP server, Slack or an SMS gateway. */
export class OutboxSender implements EffectSender {
  constructor(
    private readonly outbox: Outbox,
    private readonly channel: OutboxChannel,
  ) {}

  async send(request: EffectRequest, attempt: SendAttempt): Promise<SendResult> {
    const key: string = request.key;
    if (!isEntityId(key)) return { kind: 'refused', reason: `the key ${JSON.stringify(request.key.slice(0, 80))} is not a token of letters, digits, _ and -` };
    try {
      await this.outbox.deliver(this.channel, request, attempt);
      return { kind: 'sent' };
    } catch (error) {
      return { kind: 'retry', reason: `the outbox (JetStream) did not take it: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
