import { randomUUID } from 'node:crypto';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { DeliverPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { RoomBooked } from '@model/hotel/room-booked.event';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { Kvm } from '@nats-io/kv';
import { encodeEvents } from '@adapter/event-store/cloudevent.codec';
import { checkpointKey, PROGRESS_BUCKET } from '@adapter/projection/view-buckets';
import { viewsOf } from '@libs/event-model/board';
import { BOARDS } from '@app/boards';

/** One room-day booked by a client, to be stored as the app would have stored it. */
export interface PreloadedBooking {
  readonly roomId: string;
  readonly date: string;
  readonly clientId: string;
}

/**
 * Publishes one `RoomBooked` CloudEvent per booking straight to the HOTEL stream (the app's codec,
 * `window` publishes in flight), as if the app had stored them long ago: no `Nats-Msg-Id`.
 * Returns the stream's last sequence and size afterwards.
 */
export const preloadBookings = async (
  natsUrl: string,
  count: number,
  bookingAt: (index: number) => PreloadedBooking,
  window = 256,
): Promise<{ lastSequence: number; bytes: number }> => {
  const nc = await connect({ servers: natsUrl, noAsyncTraces: true });
  try {
    const js = jetstream(nc);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const { roomId, date, clientId } = bookingAt(next++);
        const subject = roomDaySubject(roomId, date);
        const event: RoomBooked = { type: 'RoomBooked', data: { roomId, clientId, date } };
        const correlationId = randomUUID();
        const encoded = encodeEvents(HOTEL_STREAM, [event], [randomUUID()], { source: '/hotel/book-room', subject, correlationId, causationId: correlationId });
        const headers = natsHeaders();
        headers.set('Content-Type', encoded.contentType);
        await js.publish(subject, encoded.body, { headers });
      }
    };
    await Promise.all(Array.from({ length: window }, worker));
    const info = await (await jetstreamManager(nc)).streams.info(HOTEL_STREAM.name);
    return { lastSequence: info.state.last_seq, bytes: info.state.bytes };
  } finally {
    await nc.close();
  }
};

/**
 * Moves the app's readers of the HOTEL stream past its last message, as if its views and automations
 * had long caught up with it: each durable consumer (the automations) is created again with the same
 * configuration, delivering from `lastSequence + 1`, and each view's checkpoint is set to
 * `lastSequence`. The app, started afterwards, finds them and keeps their positions.
 */
export const consumersCaughtUp = async (natsUrl: string, lastSequence: number): Promise<void> => {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm: JetStreamManager = await jetstreamManager(nc);
    for await (const consumer of jsm.consumers.list(HOTEL_STREAM.name)) {
      const { config } = consumer;
      await jsm.consumers.delete(HOTEL_STREAM.name, consumer.name);
      if (config.durable_name) {
        await jsm.consumers.add(HOTEL_STREAM.name, { ...config, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: lastSequence + 1 });
      }
    }
    const progress = await new Kvm(nc).open(PROGRESS_BUCKET);
    for (const { name } of viewsOf(BOARDS)) await progress.put(checkpointKey(name), String(lastSequence));
  } finally {
    await nc.close();
  }
};

/** The most messages any durable consumer of the HOTEL stream still has to deliver. */
export const largestBacklog = async (natsUrl: string): Promise<number> => {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    let largest = 0;
    for await (const consumer of jsm.consumers.list(HOTEL_STREAM.name)) {
      if (consumer.config.durable_name) largest = Math.max(largest, consumer.num_pending + consumer.num_ack_pending);
    }
    return largest;
  } finally {
    await nc.close();
  }
};
