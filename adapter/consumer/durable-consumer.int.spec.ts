import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { ServiceUnavailable } from '@libs/errors/domain-error';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import type { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import type { NatsClient } from '@adapter/nats/nats.client';
import { startJetStream, type JetStreamFixture } from '@test/jetstream.fixture';
import { DurableConsumer } from './durable-consumer';

const context = { source: '/test', correlationId: 'c', causationId: 'c' };

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
    for (const roomId of ['ok-1', 'poison', 'ok-2']) {
      await store.append<HotelEvent>(HOTEL_STREAM, `hotel.room-day.${roomId}.2022-12-12`, [{ type: 'RoomAvailable', data: { roomId, date: '2022-12-12' } }], { ...context, expectedSequence: 0 });
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

  it('never dead-letters a message for an outage, however many deliveries it costs', async () => {
    await store.append<HotelEvent>(HOTEL_STREAM, 'hotel.room-day.outage-victim.2022-12-12', [{ type: 'RoomAvailable', data: { roomId: 'outage-victim', date: '2022-12-12' } }], { ...context, expectedSequence: 0 });
    const dead = async (): Promise<number> => (await nats.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages;
    const before = await dead();
    let attempts = 0;
    const consumer = new DurableConsumer<HotelEvent>(nats, {
      name: 'outage-retry-test',
      stream: HOTEL_STREAM,
      filterSubject: 'hotel.room-day.outage-victim.*',
      maxDeliver: 2,
      backoffMs: [20],
      handle: () => {
        attempts++;
        if (attempts <= 5) throw new ServiceUnavailable('the event store (NATS) is not reachable right now; retry in a moment');
        return Promise.resolve({ kind: 'done' as const });
      },
    });
    await consumer.ensure();
    consumer.start();
    try {
      const deadline = Date.now() + 15_000;
      while (attempts < 6 && (await dead()) === before && Date.now() < deadline) await sleep(20);
    } finally {
      await consumer.stop();
    }
    expect(await dead()).toBe(before);
    expect(attempts).toBe(6);
    const info = await nats.jsm.consumers.info(HOTEL_STREAM.name, 'outage-retry-test');
    expect([info.num_ack_pending, info.num_pending]).toEqual([0, 0]);
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

  it('reads a pull to its end while a slow handler works: no heartbeat interruption, each message handled once, on its first delivery', async () => {
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const rooms = Array.from({ length: 200 }, (_, index) => `slow-${index}`);
    for (const roomId of rooms) await appendAvailable(roomId);
    const deliveries: number[] = [];
    const consumer = new DurableConsumer<HotelEvent>(nats, {
      name: 'slow-test',
      stream: HOTEL_STREAM,
      filterSubject: 'hotel.room-day.*.2022-12-13',
      handle: async () => {
        await sleep(12);
        deliveries.push(1);
        return { kind: 'done' as const };
      },
    });
    await consumer.ensure();
    consumer.start();
    await until(() => deliveries.length >= rooms.length, 30_000);
    await consumer.stop();
    warnings.mockRestore();
    expect(warnings.mock.calls.map(([entry]) => JSON.stringify(entry))).toEqual([]);
    const info = await nats.jsm.consumers.info(HOTEL_STREAM.name, 'slow-test');
    expect(info.num_redelivered).toBe(0);
    expect(info.num_ack_pending).toBe(0);
    expect(deliveries).toHaveLength(rooms.length);
  }, 40_000);

  it('handles subjects side by side, within its bound, and each subject in stream order', async () => {
    const rooms = Array.from({ length: 12 }, (_, index) => `lane-${index}`);
    for (let round = 0; round < 8; round++) {
      for (const roomId of rooms) await appendAvailable(roomId, '2022-12-14', round);
    }
    const seen = new Map<string, number[]>();
    let running = 0;
    let most = 0;
    const consumer = new DurableConsumer<HotelEvent>(nats, {
      name: 'lanes-test',
      stream: HOTEL_STREAM,
      filterSubject: 'hotel.room-day.*.2022-12-14',
      concurrency: 4,
      handle: async ([recorded]) => {
        running++;
        most = Math.max(most, running);
        await sleep(5);
        running--;
        const roomId = recorded?.event.data.roomId ?? '';
        seen.set(roomId, [...(seen.get(roomId) ?? []), recorded?.metadata.sequence ?? 0]);
        return { kind: 'done' as const };
      },
    });
    await consumer.ensure();
    consumer.start();
    await until(() => [...seen.values()].reduce((sum, sequences) => sum + sequences.length, 0) >= rooms.length * 8, 20_000);
    await consumer.stop();
    expect(most).toBe(4);
    for (const roomId of rooms) {
      const sequences = seen.get(roomId) ?? [];
      expect(sequences).toHaveLength(8);
      expect(sequences).toEqual([...sequences].sort((left, right) => left - right));
    }
  });

  it('stops and starts again under continuous appends without stranding a message until ack_wait', async () => {
    const handled = new Map<string, number>();
    const consumer = new DurableConsumer<HotelEvent>(nats, {
      name: 'restart-test',
      stream: HOTEL_STREAM,
      filterSubject: 'hotel.room-day.*.2022-12-15',
      concurrency: 8,
      ackWaitMs: 120_000,
      handle: async ([recorded]) => {
        await sleep(2);
        const roomId = recorded?.event.data.roomId ?? '';
        handled.set(roomId, (handled.get(roomId) ?? 0) + 1);
        return { kind: 'done' as const };
      },
    });
    await consumer.ensure();
    consumer.start();
    let appended = 0;
    let appending = true;
    const appends = (async () => {
      while (appending) await appendAvailable(`restart-${appended++}`, '2022-12-15');
    })();
    for (let cycle = 0; cycle < 4; cycle++) {
      await sleep(400);
      await consumer.stop();
      consumer.start();
    }
    appending = false;
    await appends;
    await until(() => handled.size >= appended, 20_000);
    await consumer.stop();
    expect(handled.size).toBe(appended);
    expect([...handled.values()].every((count) => count === 1)).toBe(true);
    const info = await nats.jsm.consumers.info(HOTEL_STREAM.name, 'restart-test');
    expect(info.num_ack_pending).toBe(0);
  }, 40_000);

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

  const appendAvailable = async (roomId: string, date = '2022-12-13', expectedSequence = 0): Promise<void> => {
    const subject = `hotel.room-day.${roomId}.${date}`;
    const last = expectedSequence === 0 ? 0 : ((await nats.jsm.streams.getMessage(HOTEL_STREAM.name, { last_by_subj: subject }))?.seq ?? 0);
    await store.append<HotelEvent>(HOTEL_STREAM, subject, [{ type: 'RoomAvailable', data: { roomId, date } }], { ...context, expectedSequence: last });
  };
});

const until = async (condition: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
};

/** A pull request in hand is dropped at once; a JetStream API request in flight fails after its 5 s timeout. */
const STOP_BOUND_MS = 6_000;
