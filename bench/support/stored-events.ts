import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { parseCloudEventType, type EventStreamDefinition } from '@libs/event-model/event-stream';

/** One event as a stream holds it: its type (without prefix and version), its data, and when JetStream stored it. */
export interface StoredEvent<Data = Record<string, unknown>> {
  readonly type: string;
  readonly data: Data;
  /** The message's own timestamp, taken by the server, in milliseconds since the epoch. */
  readonly storedAt: number;
}

/**
 * Every event of `stream` on `subject` (a filter), read after the fact with an ordered consumer: the times a run's
 * events were stored, without the bench reading them while the run goes on. Messages that are no event of the
 * stream's are skipped.
 */
export const storedEvents = async <Data = Record<string, unknown>>(natsUrl: string, stream: EventStreamDefinition, subject: string): Promise<StoredEvent<Data>[]> => {
  const connection = await connect({ servers: natsUrl, name: 'bench-stored-events' });
  try {
    const consumer = await jetstream(connection).consumers.get(stream.name, { filter_subjects: subject, deliver_policy: DeliverPolicy.All });
    const events: StoredEvent<Data>[] = [];
    for (let left = (await consumer.info(true)).num_pending; left > 0; ) {
      const batch = await consumer.fetch({ max_messages: Math.min(left, 1_000), expires: 5_000 });
      for await (const message of batch) {
        left = message.info.pending;
        const event = message.json<{ type?: string; data?: Data }>();
        const type = event.type === undefined ? undefined : parseCloudEventType(stream, event.type)?.type;
        if (type !== undefined && event.data !== undefined) events.push({ type, data: event.data, storedAt: message.info.timestampNanos / 1e6 });
        if (left === 0) break;
      }
    }
    return events;
  } finally {
    await connection.close();
  }
};
