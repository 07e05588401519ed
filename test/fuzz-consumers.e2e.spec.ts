import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { encodeEvents } from '@adapter/event-store/cloudevent.codec';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { BOOKING_BOARD } from '@feature/hotel/booking-board/booking-board.slice';
import { CLEANUP_SCHEDULE } from '@feature/hotel/cleanup-schedule/cleanup-schedule.slice';
import { AppHarness } from './app.harness';
import { booking, cleanup } from './hotel.requests';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A well-formed event of the hotel stream, as the event store writes it, to be broken by the fuzzer. */
const validEvent = (subject: string, date: string): Record<string, Json> =>
  JSON.parse(
    encodeEvents(HOTEL_STREAM, [{ type: 'RoomBooked', data: { roomId: '3', clientId: '1', date } }], [randomUUID()], {
      source: '/fuzz',
      subject,
      correlationId: 'fuzz',
      causationId: 'fuzz',
    }).body,
  ) as Record<string, Json>;

const ENVELOPE_FIELDS = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data', 'correlationid', 'causationid'];
const strangeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    '',
    '*',
    '>',
    'a..b',
    'a.b',
    '\u0000',
    '🛏',
    0,
    -1,
    1.5,
    true,
    [],
    {},
    '2023-02-30',
    '1.0',
    'hotel.RoomBooked.v1',
    'hotel.RoomBooked.v9',
    'hotel.Unknown.v1',
  ),
  fc.jsonValue() as fc.Arbitrary<Json>,
);

/** Bodies a foreign publisher could put on a room-day subject: bytes, JSON, and CloudEvents broken in one place. */
const poison = (subject: string, date: string): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.tuple(fc.constantFrom(...ENVELOPE_FIELDS), fc.option(strangeValue, { nil: undefined })).map(([field, value]) => {
      const event = validEvent(subject, date);
      if (value === undefined) delete event[field];
      else event[field] = value;
      return JSON.stringify(event);
    }),
    fc.tuple(fc.constantFrom('roomId', 'clientId', 'date'), fc.option(strangeValue, { nil: undefined })).map(([field, value]) => {
      const event = validEvent(subject, date);
      const data = { ...(event.data as Record<string, Json>) };
      if (value === undefined) delete data[field];
      else data[field] = value;
      return JSON.stringify({ ...event, data });
    }),
    fc
      .array(fc.oneof(fc.constant(validEvent(subject, date)), fc.jsonValue() as fc.Arbitrary<Json>), { maxLength: 3 })
      .map((batch) => JSON.stringify(batch)),
  );

describe('what the consumers read, fuzzed', () => {
  let hotel: AppHarness;

  beforeAll(async () => {
    hotel = await AppHarness.start();
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('dead-letters or applies whatever lands on a room-day, and the views and the bot keep working', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    await withSeed(seed, () => poisonThenWork(hotel, seed));
  }, 120_000);
});

/** Runs a fuzzed scenario, naming its seed in any failure so `FUZZ_SEED=<seed>` replays it. */
const withSeed = async (seed: number, scenario: () => Promise<void>): Promise<void> => {
  try {
    await scenario();
  } catch (error) {
    if (error instanceof Error) error.message = `${error.message}\n(replay with FUZZ_SEED=${seed})`;
    throw error;
  }
};

const poisonThenWork = async (hotel: AppHarness, seed: number): Promise<void> => {
  const js = jetstream(hotel.observer);
  const dates = Array.from({ length: 28 }, (_, index) => `2032-01-${String(index + 1).padStart(2, '0')}`);
  const published: string[] = [];
  for (const date of dates) {
    const subject = `hotel.room-day.3.${date}`;
    for (const body of fc.sample(poison(subject, date), {
      numRuns: 8,
      seed: seed + published.length,
    })) {
      const headers = natsHeaders();
      headers.set('Content-Type', 'application/cloudevents+json');
      await js.publish(subject, body, { headers });
      published.push(subject);
    }
  }
  await waitUntil(async () => {
    const behind: string[] = [];
    for await (const consumer of hotel.jsm.consumers.list(HOTEL_STREAM.name)) {
      if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) {
        behind.push(
          `${consumer.name} at ${consumer.ack_floor.stream_seq}, ${consumer.num_pending} to go, ${consumer.num_ack_pending} unacknowledged, ${consumer.num_redelivered} redelivered`,
        );
      }
    }
    return behind;
  }, 60_000);
  const deadLetters = (await hotel.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages;
  expect(deadLetters).toBeGreaterThan(0);

  for (const date of ['2032-02-01', '2032-02-02']) {
    const booked = await hotel.put('/mutation/book-room', booking(3, 7, date));
    expect(booked.status).toBe(201);
    expect((await hotel.get(`/query/booking/3/${date}?sequence=${String(booked.body.sequence)}`)).body).toMatchObject({
      view: { availability: 'booked' },
    });
    await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => answer.status === 200);
    expect((await hotel.put('/mutation/cleanup', cleanup(3, date))).status).toBe(201);
  }
  for (const date of dates.slice(0, 5)) {
    const answer = await hotel.put('/mutation/book-room', booking(3, 8, date));
    expect([201, 409]).toContain(answer.status);
  }

  const end = await hotel.lastSequence(HOTEL_STREAM.name);
  const kvm = new Kvm(hotel.observer);
  for (const view of [hotel.view(BOOKING_BOARD), hotel.view(CLEANUP_SCHEDULE)]) {
    await view.projector.waitFor(end, 20_000);
    const rebuilt = `fuzzed-${view.projector.bucketName}`;
    await view.projector.replayInto(rebuilt);
    expect(await documents(kvm, rebuilt)).toEqual(await documents(kvm, view.projector.bucketName));
  }
};

const documents = async (kvm: Kvm, bucket: string): Promise<Record<string, unknown>> => {
  const kv = await kvm.open(bucket);
  const result: Record<string, unknown> = {};
  for await (const key of await kv.keys()) {
    const entry = await kv.get(key);
    if (entry) result[key] = entry.json<{ view: unknown }>().view;
  }
  return result;
};

/** Polls until no consumer is behind; `behind` says which are, and where. */
const waitUntil = async (behind: () => Promise<string[]>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const late = await behind();
    if (late.length === 0) return;
    if (Date.now() > deadline) throw new Error(`the consumers did not get past the fuzzed messages within ${timeoutMs} ms: ${late.join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
