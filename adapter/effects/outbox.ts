import { headers } from '@nats-io/nats-core';
import { DeliverPolicy, DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { OUTBOX_STREAM, outboxFilter, outboxSubject, type OutboxChannel } from '@stream/outbox.stream';
import type { EffectRequest } from '@libs/event-model/board';
import type { NatsClient } from '@adapter/nats/nats.client';
import { ensureStream } from '@adapter/topology/topology';
import type { SendAttempt } from './effect-sender';

/** One delivery as the outbox keeps it: the channel, the effect's key, what would have been sent, and when. */
export interface OutboxMessage {
  readonly channel: OutboxChannel;
  readonly key: string;
  readonly payload: unknown;
  readonly deliveredAt: string;
  readonly attempt: number;
  readonly correlationId: string;
}

/** A delivery as it is followed live: the stream sequence that orders it (resume after it), and the message. */
export interface OutboxDelivery {
  readonly sequence: number;
  readonly message: OutboxMessage;
}

/** The deliveries after `after`, as they are made, until stopped. */
export interface OutboxFollower {
  /** The stream sequence the deliveries come after: resume after it when no delivery came. */
  readonly after: number;
  readonly deliveries: AsyncIterable<OutboxDelivery>;
  stop(): void;
}

/** Deliveries kept at most: the oldest go first. */
const KEPT = 10_000;

/**
 * The app's own outbox, in JetStream: with no SMTP server, Slack webhook or SMS gateway configured, effects deliver
 * here, so a developer sees every message the system sent (`GET /outbox`), as a local mail catcher shows mail.
 * A delivery is stored under its channel and key, once: `Nats-Msg-Id` absorbs a retry within the duplicate window,
 * and one message per subject keeps a later replay of the same key from showing twice.
 */
export class Outbox {
  constructor(
    private readonly nats: NatsClient,
    private readonly replicas: number,
  ) {}

  async ensure(): Promise<void> {
    await ensureStream(this.nats, outboxStreamConfig(this.replicas));
  }

  async deliver(channel: OutboxChannel, request: EffectRequest, attempt: SendAttempt): Promise<void> {
    const message: OutboxMessage = { channel, key: request.key, payload: request.payload, deliveredAt: new Date().toISOString(), attempt: attempt.attempt, correlationId: attempt.correlationId };
    const id = headers();
    id.set('Nats-Msg-Id', `${channel}.${request.key}`);
    await this.nats.requests.publish(outboxSubject(channel, request.key), JSON.stringify(message), id);
  }

  /** The last `limit` deliveries, of one channel or of all, newest first. */
  async recent(limit: number, channel?: OutboxChannel): Promise<OutboxMessage[]> {
    const consumer = await this.nats.js.consumers.get(OUTBOX_STREAM.name, { filter_subjects: outboxFilter(channel), deliver_policy: DeliverPolicy.All });
    try {
      const kept: OutboxMessage[] = [];
      for (let left = (await consumer.info(true)).num_pending; left > 0; ) {
        let received = 0;
        for await (const message of await consumer.fetch({ max_messages: Math.min(left, 500), expires: 2_000 })) {
          received++;
          left = message.info.pending;
          kept.push(message.json<OutboxMessage>());
          if (kept.length > limit) kept.shift();
          if (left === 0) break;
        }
        if (received === 0) break;
      }
      return kept.reverse();
    } finally {
      await consumer.delete().catch(() => undefined);
    }
  }

  /**
   * Follows the deliveries made after stream sequence `after` (after the last one so far when absent or beyond it,
   * as after a stream made anew), of one channel or of all, through an ordered consumer: ephemeral and in memory,
   * made again by nats.js after the last sequence it delivered when NATS reconnects or a message goes missing.
   */
  async follow(after: number | undefined, channel?: OutboxChannel): Promise<OutboxFollower> {
    const last = (await this.nats.jsm.streams.info(OUTBOX_STREAM.name)).state.last_seq;
    const from = Math.min(after ?? last, last);
    const consumer = await this.nats.js.consumers.get(OUTBOX_STREAM.name, { filter_subjects: outboxFilter(channel), opt_start_seq: from + 1 });
    const messages = await consumer.consume({ max_messages: 100 });
    const deliveries = async function* (): AsyncGenerator<OutboxDelivery> {
      for await (const message of messages) yield { sequence: message.seq, message: message.json<OutboxMessage>() };
    };
    return {
      after: from,
      deliveries: deliveries(),
      stop: () => {
        messages.stop();
        void consumer.delete().catch(() => undefined);
      },
    };
  }
}

/** The OUTBOX stream: file storage, one message per channel and key, the newest 10,000 kept, purges allowed (to empty it). */
export const outboxStreamConfig = (replicas: number): Partial<StreamConfig> & { name: string } => ({
  name: OUTBOX_STREAM.name,
  subjects: [...OUTBOX_STREAM.subjects],
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  discard: DiscardPolicy.Old,
  max_msgs: KEPT,
  max_msgs_per_subject: 1,
  duplicate_window: 120_000_000_000,
  num_replicas: replicas,
});
