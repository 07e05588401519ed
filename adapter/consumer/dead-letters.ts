import { headers as natsHeaders } from '@nats-io/nats-core';
import type { JsMsg } from '@nats-io/jetstream';
import { deadLetterSubject } from '@stream/dead-letter.stream';
import type { NatsClient } from '@adapter/nats/nats.client';

/**
 * Moves a message a consumer cannot process to the dead-letter stream, with why and where from. The message's
 * own headers go along, except its publish expectations (`Nats-Expected-*`, which the event store sets on every
 * append): JetStream would check them against the dead-letter subject and refuse the dead letter.
 */
export class DeadLetters {
  constructor(private readonly nats: NatsClient) {}

  async send(consumer: string, message: JsMsg, reason: string): Promise<void> {
    const headers = natsHeaders();
    for (const [key, values] of message.headers ?? []) {
      if (key.toLowerCase().startsWith('nats-expected-')) continue;
      for (const value of values) headers.append(key, value);
    }
    headers.set('Dead-Letter-Consumer', consumer);
    headers.set('Dead-Letter-Reason', reason.slice(0, 1_000));
    headers.set('Dead-Letter-Stream', message.info.stream);
    headers.set('Dead-Letter-Subject', message.subject);
    headers.set('Dead-Letter-Sequence', String(message.seq));
    headers.set('Dead-Letter-Deliveries', String(message.info.deliveryCount));
    headers.set('Nats-Msg-Id', `${consumer}@${message.info.stream}:${message.seq}`);
    await this.nats.js.publish(deadLetterSubject(consumer), message.data, { headers });
  }
}
