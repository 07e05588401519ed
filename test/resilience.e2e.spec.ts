import { headers as natsHeaders } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { BOOKING_BOARD } from '@feature/hotel/booking-board/booking-board.slice';
import { CLEANUP_SCHEDULE } from '@feature/hotel/cleanup-schedule/cleanup-schedule.slice';
import { READ_DEADLINE_MS } from '@adapter/http/query-deadline';
import { AppHarness } from './app.harness';
import { booking, cleanup } from './hotel.requests';

const days = (count: number, from = Date.UTC(2024, 0, 1)) =>
  Array.from({ length: count }, (_, index) => new Date(from + index * 86_400_000).toISOString().slice(0, 10));

describe('the hotel board across restarts, outages and poison', () => {
  let hotel: AppHarness;

  beforeEach(async () => {
    hotel = await AppHarness.start();
  });

  afterEach(async () => {
    await hotel.dispose();
  });

  it('loses nothing and fires nothing twice when the app restarts mid-flow', async () => {
    const dates = days(20);
    for (const date of dates) expect((await hotel.put('/mutation/book-room', booking(1, 1, date))).status).toBe(201);
    await hotel.restartApp();
    for (const date of dates) await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => answer.status === 200);
    for (const date of dates) expect((await hotel.put('/mutation/cleanup', cleanup(1, date))).status).toBe(201);
    await hotel.restartApp();
    for (const date of dates) {
      const stored = await hotel.messages(HOTEL_STREAM.name, `hotel.room-day.1.${date}`);
      expect(stored.map((message) => message.string().match(/hotel\.(\w+)\.v\d+/g)?.join('+'))).toEqual([
        'hotel.RoomBooked.v2',
        'hotel.CleanupScheduled.v1',
        'hotel.RoomCleanedUp.v1+hotel.RoomAvailable.v1',
      ]);
      const view = await hotel.get(`/query/booking/1/${date}?sequence=${String(await hotel.lastSequence(HOTEL_STREAM.name))}`);
      expect(view.body).toMatchObject({ view: { availability: 'available' } });
    }
  });

  it('rebuilds a view from the stream equal to the live one', async () => {
    const dates = days(5, Date.UTC(2025, 2, 1));
    for (const date of dates) {
      await hotel.put('/mutation/book-room', booking(2, 7, date));
      await hotel.put('/mutation/book-room', booking(3, 8, date));
    }
    for (const date of dates) {
      await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => JSON.stringify(answer.body).includes('"roomId":"3"'));
      await hotel.put('/mutation/cleanup', cleanup(2, date));
    }
    await expectRebuildsEqualLive(hotel);
  });

  it('answers 503 while NATS is down, and works again once it is back', async () => {
    expect((await hotel.put('/mutation/book-room', booking(4, 1, '2026-01-01'))).status).toBe(201);
    await hotel.nats.server.kill();
    await waitUntil(async () => (await hotel.put('/mutation/book-room', booking(4, 1, '2026-01-02'))).status === 503);
    const refused = await hotel.put('/mutation/book-room', booking(4, 1, '2026-01-03'));
    expect(refused).toMatchObject({ status: 503, body: { title: 'Service unavailable' } });
    await hotel.nats.server.start();
    await waitUntil(async () => (await hotel.put('/mutation/book-room', booking(4, 1, '2026-01-03'))).status === 201);
    await hotel.settle();
    const bookings = async (date: string) =>
      (await hotel.messages(HOTEL_STREAM.name, `hotel.room-day.4.${date}`)).filter((message) => message.string().includes('RoomBooked'));
    expect(await bookings('2026-01-02')).toHaveLength(0);
    expect(await bookings('2026-01-03')).toHaveLength(1);
    await hotel.eventually('/query/cleanup-schedule/2026-01-03', (answer) => answer.status === 200);
  });

  it('pages the room list in room order, and answers every read 503 within the deadline while nats-server is stalled', async () => {
    for (const room of [2, 10, 11, 3]) expect([200, 201]).toContain((await hotel.put('/mutation/register-room', { data: { room: { id: room }, name: `Room ${room}` } })).status);
    const all = await hotel.eventually('/query/rooms?limit=1000', (answer) => ['2', '3', '10', '11'].every((id) => JSON.stringify(answer.body).includes(`"roomId":"${id}"`)));
    const ids = (all.body as { rooms: { roomId: string }[] }).rooms.map(({ roomId }) => roomId);
    expect(ids).toEqual([...ids].sort((left, right) => left.localeCompare(right, 'en', { numeric: true })));
    const first = await hotel.get('/query/rooms?limit=2');
    expect(first.body).toMatchObject({ rooms: ids.slice(0, 2).map((roomId) => ({ roomId })), next: ids[1] });
    const second = await hotel.get(`/query/rooms?limit=2&after=${ids[1]}`);
    expect((second.body as { rooms: { roomId: string }[] }).rooms.map(({ roomId }) => roomId)).toEqual(ids.slice(2, 4));
    expect((await hotel.get('/query/rooms?limit=0')).status).toBe(400);

    process.kill(hotel.nats.server.pid!, 'SIGSTOP');
    try {
      for (const path of ['/query/rooms', '/query/cleanup-schedule/2026-01-01', '/query/booking/1/2026-01-01', '/api/v1/reminders', '/api/v1/reminders/381b213b-5bc9-4efe-ac00-b10227794b7c']) {
        const started = Date.now();
        const answer = await hotel.get(path);
        expect({ path, status: answer.status, type: answer.headers['content-type'] }).toEqual({ path, status: 503, type: expect.stringContaining('application/problem+json') });
        expect(Date.now() - started).toBeLessThan(READ_DEADLINE_MS + 1_500);
      }
    } finally {
      process.kill(hotel.nats.server.pid!, 'SIGCONT');
    }
    await hotel.eventually('/query/rooms', (answer) => answer.status === 200);
  });

  it('dead-letters a poison message and keeps the views and the bot moving', async () => {
    const headers = natsHeaders();
    headers.set('Content-Type', 'application/cloudevents+json');
    await jetstream(hotel.observer).publish('hotel.room-day.5.2027-07-07', '{"not":"a cloudevent"}', { headers });
    const booked = await hotel.put('/mutation/book-room', booking(5, 1, '2027-07-08'));
    const answer = await hotel.get(`/query/booking/5/2027-07-08?sequence=${String(booked.body.sequence)}`);
    expect(answer.body).toMatchObject({ view: { availability: 'booked' } });
    await hotel.eventually('/query/cleanup-schedule/2027-07-08', (reply) => reply.status === 200);
    await waitUntil(async () => (await hotel.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages === 3);
    const consumers = new Set<string>();
    for (let seq = 1; seq <= 3; seq++) {
      const letter = await hotel.jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq });
      consumers.add(letter?.header.get('Dead-Letter-Consumer') ?? '');
      expect(letter?.header.get('Dead-Letter-Subject')).toBe('hotel.room-day.5.2027-07-07');
    }
    expect(consumers).toEqual(new Set(['view-booking-board', 'view-cleanup-schedule', 'automation-schedule-cleaning']));
    await expectRebuildsEqualLive(hotel);
  });

  it('lets the commands and the bot of a room-day go on past a foreign message on its own subject', async () => {
    const headers = natsHeaders();
    headers.set('Content-Type', 'application/cloudevents+json');
    await jetstream(hotel.observer).publish('hotel.room-day.4.2027-08-01', '{"not":"a cloudevent"}', { headers });
    expect((await hotel.put('/mutation/book-room', booking(4, 1, '2027-08-01'))).status).toBe(201);
    expect((await hotel.put('/mutation/book-room', booking(4, 2, '2027-08-01'))).status).toBe(409);
    await hotel.eventually('/query/cleanup-schedule/2027-08-01', (reply) => reply.status === 200);
    expect((await hotel.put('/mutation/cleanup', cleanup(4, '2027-08-01'))).status).toBe(201);
  });
});

/** Every view, replayed from the stream into a fresh bucket, holds the same documents as the live one. */
const expectRebuildsEqualLive = async (hotel: AppHarness): Promise<void> => {
  const last = await hotel.lastSequence(HOTEL_STREAM.name);
  const kvm = new Kvm(hotel.observer);
  for (const view of [hotel.view(BOOKING_BOARD), hotel.view(CLEANUP_SCHEDULE)]) {
    await view.projector.waitFor(last, 10_000);
    const rebuilt = `rebuilt-${view.projector.bucketName}`;
    await view.projector.replayInto(rebuilt);
    expect(await documents(kvm, rebuilt)).toEqual(await documents(kvm, view.projector.bucketName));
    expect(Object.keys(await documents(kvm, rebuilt)).length).toBeGreaterThan(0);
  }
};

const documents = async (kvm: Kvm, bucket: string): Promise<Record<string, unknown>> => {
  const kv = await kvm.open(bucket);
  const result: Record<string, unknown> = {};
  for await (const key of await kv.keys()) {
    const entry = await kv.get(key);
    if (entry) result[key] = (entry.json<{ view: unknown }>()).view;
  }
  return result;
};

const waitUntil = async (condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
