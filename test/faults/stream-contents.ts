import { setTimeout as sleep } from 'node:timers/promises';
import { DeliverPolicy, jetstream, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { RecordedEvent } from '@libs/decider/decider';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { decodeEvents } from '@adapter/event-store/cloudevent.codec';
import { HOTEL_STREAM } from '@stream/hotel.stream';

/** Every hotel event, by subject, read with an ordered consumer up to the stream's last sequence. */
export const hotelEvents = async (connection: NatsConnection, jsm: JetStreamManager): Promise<Map<string, RecordedEvent<HotelEvent>[]>> => {
  const bySubject = new Map<string, RecordedEvent<HotelEvent>[]>();
  await readAll(connection, jsm, HOTEL_STREAM.name, DeliverPolicy.All, (subject, sequence, body) => {
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), ...decodeEvents<HotelEvent>(HOTEL_STREAM, { subject, sequence, body })]);
  });
  return bySubject;
};

/** The current value of every key of a view's bucket, as the app stores it (`{view, position, updatedAt}`). */
export const viewValues = async <D>(connection: NatsConnection, jsm: JetStreamManager, view: string): Promise<Map<string, { view: D; position: number }>> => {
  const prefix = `$KV.view-${view}.`;
  const values = new Map<string, { view: D; position: number }>();
  await readAll(connection, jsm, `KV_view-${view}`, DeliverPolicy.LastPerSubject, (subject, _sequence, body) => {
    if (body) values.set(subject.slice(prefix.length), JSON.parse(body) as { view: D; position: number });
    else values.delete(subject.slice(prefix.length));
  });
  return values;
};

/** Waits until the app's durable consumers have nothing pending and nothing unacknowledged. */
export const drained = async (jsm: JetStreamManager, stream: string, consumers: readonly string[], timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const infos = await Promise.all(consumers.map((name) => jsm.consumers.info(stream, name).catch(() => undefined)));
    if (infos.every((info) => info !== undefined && info.num_pending === 0 && info.num_ack_pending === 0)) return;
    if (Date.now() > deadline) {
      const lag = infos.map((info, index) => `${consumers[index]}: ${info ? `${info.num_pending} pending, ${info.num_ack_pending} unacknowledged` : 'no answer'}`);
      throw new Error(`the consumers did not catch up within ${timeoutMs} ms (${lag.join('; ')})`);
    }
    await sleep(250);
  }
};

const readAll = async (
  connection: NatsConnection,
  jsm: JetStreamManager,
  stream: string,
  deliverPolicy: DeliverPolicy,
  visit: (subject: string, sequence: number, body: string) => void,
): Promise<void> => {
  const info = await jsm.streams.info(stream);
  if (info.state.messages === 0) return;
  const consumer = await jetstream(connection).consumers.get(stream, { deliver_policy: deliverPolicy });
  const messages = await consumer.consume();
  for await (const message of messages) {
    visit(message.subject, message.seq, message.string());
    if (message.info.pending === 0) break;
  }
  await messages.close();
};
