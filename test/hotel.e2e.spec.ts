import { headers as natsHeaders } from '@nats-io/nats-core';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { AppHarness } from './app.harness';
import { booking, cleanup } from './hotel.requests';

const date = '2022-12-12';
const scheduleHasRoom = (room: string) => (answer: { status: number; body: Record<string, unknown> }) =>
  answer.status === 200 && JSON.stringify(answer.body).includes(`"roomId":"${room}"`);
/** The book-room series of `GET /metrics` (Prometheus text, which the harness hands over as `text`). */
const bookRoomCounts = (body: Record<string, unknown>) => {
  const series = (name: string): number => {
    const line = String(body.text).split('\n').find((candidate) => candidate.startsWith(`${name}{slice="/hotel/book-room"} `));
    return Number(line?.split(' ')[1] ?? 0);
  };
  return { handled: series('commands_handled_total'), retries: series('command_retries_total'), reads: series('command_reads_total') };
};

describe('the hotel board, end to end over HTTP', () => {
  let hotel: AppHarness;

  beforeAll(async () => {
    hotel = await AppHarness.start();
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('runs the seed curl flow: book, the bot schedules the cleaning, clean up, check in', async () => {
    const booked = await hotel.put('/mutation/book-room', booking(1, 1), { 'x-correlation-id': 'guest-journey-1' });
    expect(booked.status).toBe(201);
    expect(booked.body).toEqual({
      eventId: expect.any(String),
      eventIds: [booked.body.eventId],
      stream: 'HOTEL',
      subject: 'hotel.room-day.1.2022-12-12',
      sequence: expect.any(Number),
    });
    expect(booked.headers['x-correlation-id']).toBe('guest-journey-1');

    const view = await hotel.get(`/query/booking/1/${date}?sequence=${String(booked.body.sequence)}`);
    expect(view.body).toMatchObject({ view: { roomId: '1', date, clientId: '1', availability: 'booked' } });

    const schedule = await hotel.eventually(`/query/cleanup-schedule/${date}`, scheduleHasRoom('1'));
    expect(schedule.body).toMatchObject({ view: { date, rooms: [{ roomId: '1', team: expect.any(String), status: 'scheduled' }] } });

    const cleaned = await hotel.put('/mutation/cleanup', cleanup(1));
    expect(cleaned.status).toBe(201);
    expect(cleaned.body.eventIds).toHaveLength(2);
    expect((await hotel.put('/mutation/cleanup', cleanup(1))).body).toMatchObject({ status: 409, rule: 'room-already-cleaned' });
    const available = await hotel.get(`/query/booking/1/${date}?sequence=${String(cleaned.body.sequence)}`);
    expect(available.body).toMatchObject({ view: { availability: 'available' } });

    const checkedIn = await hotel.put('/mutation/checkin', booking(1, 1));
    expect(checkedIn.status).toBe(201);
    expect((await hotel.put('/mutation/checkin', booking(1, 1))).body).toMatchObject({ status: 409, rule: 'guest-already-checked-in' });
    const occupied = await hotel.get(`/query/booking/1/${date}?sequence=${String(checkedIn.body.sequence)}`);
    expect(occupied.body).toMatchObject({ view: { availability: 'occupied', lastChange: { event: 'GuestCheckedIn' } } });
    const done = await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => JSON.stringify(answer.body).includes('cleaned'));
    expect(done.body).toMatchObject({ view: { rooms: [{ roomId: '1', status: 'cleaned' }] } });

    const stored = (await hotel.messages(HOTEL_STREAM.name, 'hotel.room-day.1.2022-12-12')).map((message) => message.json<unknown>());
    const [bookedEvent, scheduledEvent, cleanedBatch, checkedInEvent] = stored as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>[],
      Record<string, unknown>,
    ];
    expect(stored).toHaveLength(4);
    expect(bookedEvent).toMatchObject({ specversion: '1.0', type: 'hotel.RoomBooked.v2', correlationid: 'guest-journey-1' });
    expect(scheduledEvent).toMatchObject({ type: 'hotel.CleanupScheduled.v1', correlationid: 'guest-journey-1', causationid: bookedEvent.id });
    expect(cleanedBatch.map((event) => event.type)).toEqual(['hotel.RoomCleanedUp.v1', 'hotel.RoomAvailable.v1']);
    expect(checkedInEvent).toMatchObject({ type: 'hotel.GuestCheckedIn.v1' });
  });

  it('books a room once: a retry answers as the first time, another client gets 409, nothing more is written', async () => {
    const first = await hotel.put('/mutation/book-room', booking(2, 'alice'));
    const retry = await hotel.put('/mutation/book-room', booking(2, 'alice'));
    const other = await hotel.put('/mutation/book-room', booking(2, 'bob'));
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(other.status).toBe(409);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body).toMatchObject({ rule: 'room-already-booked', detail: expect.stringContaining('room 2') });
    const stored = await hotel.messages(HOTEL_STREAM.name, 'hotel.room-day.2.2022-12-12');
    expect(stored.filter((message) => message.string().includes('RoomBooked'))).toHaveLength(1);
  });

  it('lets exactly one of 50 parallel bookings of one room and date win', async () => {
    const before = bookRoomCounts((await hotel.get('/metrics')).body);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, client) => hotel.put('/mutation/book-room', booking(3, client + 1, '2023-01-01'))));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(49);
    const after = bookRoomCounts((await hotel.get('/metrics')).body);
    // Decided one after another in this instance: every loser read the room-day once, to confirm its refusal on the cached state, and none was refused an append.
    expect(after.handled - before.handled).toBe(50);
    expect(after.reads - before.reads).toBe(49);
    expect(after.retries - before.retries).toBe(0);
    const stored = await hotel.messages(HOTEL_STREAM.name, 'hotel.room-day.3.2023-01-01');
    expect(stored.filter((message) => message.string().includes('RoomBooked'))).toHaveLength(1);
  });

  it('refuses to book a room that does not exist', async () => {
    const before = await hotel.lastSequence(HOTEL_STREAM.name);
    const answer = await hotel.put('/mutation/book-room', booking(404, 1));
    expect(answer).toMatchObject({ status: 409, body: { rule: 'room-must-exist' } });
    expect(await hotel.lastSequence(HOTEL_STREAM.name)).toBe(before);
  });

  it('refuses to clean or check in a room that is not booked', async () => {
    expect((await hotel.put('/mutation/cleanup', cleanup(4, '2024-06-01'))).body).toMatchObject({ status: 409, rule: 'room-must-be-booked' });
    expect((await hotel.put('/mutation/checkin', booking(4, 1, '2024-06-01'))).body).toMatchObject({ status: 409, rule: 'room-must-be-booked' });
  });

  it.each([
    ['malformed JSON', '{"data":', ''],
    ['a body that is not an object', '[1,2]', ''],
    ['a missing date', { data: { room: { id: 1 }, client: { id: 1 } } }, 'data.date'],
    ['an impossible date', booking(1, 1, '2022-02-30'), 'data.date'],
    ['a date out of range', booking(1, 1, '1999-12-31'), 'data.date'],
    ['a room id with a dot', booking('a.b', 1), 'data.room.id'],
    ['a room id that is a wildcard', booking('*', 1), 'data.room.id'],
    ['a client id that is a full wildcard', booking(1, '>'), 'data.client.id'],
    ['an id with a space', booking('1 2', 1), 'data.room.id'],
    ['a negative id', booking(-1, 1), 'data.room.id'],
    ['a fractional id', booking(1.5, 1), 'data.room.id'],
    ['a room given as a number instead of an object', { data: { room: 1, client: { id: 1 }, date } }, 'data.room'],
    ['an unknown field', { data: { ...booking(1, 1).data, discount: 100 } }, 'data.discount'],
    ['an unknown top-level field', { ...booking(1, 1), admin: true }, 'admin'],
  ])('refuses %s with 400 and writes nothing', async (_case, payload, field) => {
    const before = await hotel.lastSequence(HOTEL_STREAM.name);
    const answer = await hotel.put('/mutation/book-room', payload);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    if (field) expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await hotel.lastSequence(HOTEL_STREAM.name)).toBe(before);
  });

  it('refuses a body over the size limit with 413 and writes nothing', async () => {
    const before = await hotel.lastSequence(HOTEL_STREAM.name);
    const answer = await hotel.put('/mutation/book-room', { data: { ...booking(1, 1).data }, padding: 'x'.repeat(20_000) });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(await hotel.lastSequence(HOTEL_STREAM.name)).toBe(before);
  });

  it('refuses bad query parameters with 400 and answers 404 for an unknown booking', async () => {
    expect((await hotel.get('/query/booking/a.b/2022-12-12')).status).toBe(400);
    expect((await hotel.get('/query/booking/1/2022-13-01')).status).toBe(400);
    expect((await hotel.get('/query/cleanup-schedule/2022-12-12?sequence=-3')).status).toBe(400);
    expect((await hotel.get('/query/booking/5/2030-01-01')).status).toBe(404);
  });

  it('answers the same commands over NATS request/reply, with the same bodies and problems', async () => {
    const request = async (command: string, payload: unknown) => {
      const headers = natsHeaders();
      headers.set('X-Correlation-Id', 'over-nats');
      const reply = await hotel.observer.request(`cmd.hotel.${command}`, JSON.stringify(payload), { timeout: 5_000, headers });
      return { status: Number(reply.headers?.get('Status')), body: reply.json<Record<string, unknown>>(), contentType: reply.headers?.get('Content-Type') };
    };
    const booked = await request('book-room', booking(5, 9, '2025-05-05'));
    expect(booked).toMatchObject({ status: 201, body: { stream: 'HOTEL', subject: 'hotel.room-day.5.2025-05-05' } });
    expect(await request('book-room', booking(5, 9, '2025-05-05'))).toMatchObject({ status: 201, body: booked.body });
    expect(await request('book-room', booking(5, 8, '2025-05-05'))).toMatchObject({ status: 409, body: { rule: 'room-already-booked' } });
    const before = await hotel.lastSequence(HOTEL_STREAM.name);
    const invalid = await request('book-room', booking('x.y', 9, '2025-05-05'));
    expect(invalid).toMatchObject({ status: 400, contentType: 'application/problem+json' });
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'data.room.id' })]);
    const notJson = await hotel.observer.request('cmd.hotel.cleanup', '{nope', { timeout: 5_000 });
    expect(notJson.headers?.get('Status')).toBe('400');
    expect(await hotel.lastSequence(HOTEL_STREAM.name)).toBe(before);
    await hotel.eventually('/query/cleanup-schedule/2025-05-05', scheduleHasRoom('5'));
    expect(await request('cleanup', cleanup(5, '2025-05-05'))).toMatchObject({ status: 201 });
    expect(await request('checkin', booking(5, 9, '2025-05-05'))).toMatchObject({ status: 201 });
    const stored = await hotel.messages(HOTEL_STREAM.name, 'hotel.room-day.5.2025-05-05');
    expect(stored[0]?.json<Record<string, unknown>>()).toMatchObject({ correlationid: 'over-nats' });
  });
});
