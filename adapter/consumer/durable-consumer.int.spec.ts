import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import type { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import type { NatsClient } from '@adapter/nats/nats.client';
import { startJetStream, type JetStreamFixture } from '@test/jetstream.fixture';
import { DurableConsumer } from './durable-consumer';

describe('durable consumer', () => {
  let fixture: JetStreamFixture;
  let nats: NatsClient;
  let store: JetStreamEventStore;

  beforeAll(async () => {
    fixture = await startJetStream();
    ({ nats, store } = fixture);
  });

  afterAll(async () => {
    await fixture.dispose();
  });

  it('retries a failing message with backoff, then dead-letters it and moves on', async () => {
    const context = { source: '/test', correlationId: 'c', causationId: 'c', expectedSequence: 0 };
    for (const roomId of ['ok-1', 'poison', 'ok-2']) {
      await store.append<HotelEvent>(HOTEL_STREAM, `hotel.room-day.${roomId}.2022-12-12`, [{ type: 'RoomAvailable', data: { roomId, date: '2022-12-12' } }], context);
    }
    const attempts = new Map<string, number>();
    const handled: string[] = [];
    const consumer = new DurableConsumer<HotelEvent>(nats, {
      name: 'retry-test',
      stream: HOTEL_STREAM,
      filterSubject: 'hotel.room-day.>',
      maxDeliver: 3,
      backoffMs: [50],
      handle: async ([recorded]) => {
        const roomId = recorded?.event.data.roomId ?? '';
        attempts.set(roomId, (attempts.get(roomId) ?? 0) + 1);
        if (roomId === 'poison') throw new Error('downstream refuses this one');
        handled.push(roomId);
        return Promise.resolve({ kind: 'done' as const });
      },
    });
    await consumer.ensure();
    consumer.start();
    const deadline = Date.now() + 15_000;
    while ((await nats.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await consumer.stop();
    expect(handled).toEqual(['ok-1', 'ok-2']);
    expect(attempts.get('poison')).toBe(3);
    const letter = await nats.jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq: 1 });
    expect(letter?.subject).toBe('deadletter.retry-test');
    expect(letter?.header.get('Dead-Letter-Reason')).toBe('gave up after 3 deliveries: downstream refuses this one');
    expect(letter?.header.get('Dead-Letter-Subject')).toBe('hotel.room-day.poison.2022-12-12');
    const info = await nats.jsm.consumers.info(HOTEL_STREAM.name, 'retry-test');
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
  });

  it('dead-letters a message that is not a CloudEvent at once', async () => {
    const headers = natsHeaders();
    headers.set('Content-Type', 'application/json');
    await jetstream(nats.connection).publish('hotel.room-day.garbage.2022-12-12', 'not json', { headers });
    const before = (await nats.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages;
    let calls = 0;
    const consumer = new DurableConsumer<HotelEvent>(nats, {
      name: 'garbage-test',
      stream: HOTEL_STREAM,
      filterSubject: 'hotel.room-day.garbage.*',
      handle: () => {
        calls++;
        return Promise.resolve({ kind: 'done' as const });
      },
    });
    await consumer.ensure();
    consumer.start();
    const deadline = Date.now() + 10_000;
    while ((await nats.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await consumer.stop();
    expect(calls).toBe(0);
    expect((await nats.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages).toBe(before + 1);
  });

  it('stops within seconds while NATS is unreachable, and the connection closes without waiting for it', async () => {
    const consumer = new DurableConsumer<HotelEvent>(nats, {
      name: 'outage-test',
      stream: HOTEL_STREAM,
      filterSubject: 'hotel.room-day.outage.*',
      handle: () => Promise.resolve({ kind: 'done' as const }),
    });
    await consumer.ensure();
    consumer.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fixture.server.server.kill();
    while (nats.isConnected) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await consumer.stop();
    await nats.close();
    expect(Date.now() - started).toBeLessThan(STOP_BOUND_MS);
  });
});

/** A pull request in hand is dropped at once; a JetStream API request in flight fails after its 5 s timeout. */
const STOP_BOUND_MS = 6_000;
