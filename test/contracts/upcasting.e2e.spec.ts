import { headers as natsHeaders } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import { CLOUDEVENT_CONTENT_TYPE } from '@adapter/event-store/cloudevent.codec';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { AppHarness } from '../app.harness';
import { booking, cleanup } from '../hotel.requests';

const date = '2022-12-20';
const subject = roomDaySubject('4', date);
const oldEventId = '0c1d2e3f-0000-4000-8000-000000000001';

/** A booking as an older release stored it: `hotel.RoomBooked.v1`, with the ids as the request's JSON numbers. */
const bookingV1 = JSON.stringify({
  id: oldEventId,
  time: '2022-12-01T09:00:00.000Z',
  type: 'hotel.RoomBooked.v1',
  source: '/hotel/book-room',
  specversion: '1.0',
  datacontenttype: 'application/json',
  subject,
  data: { roomId: 4, clientId: 9, date },
  correlationid: 'old-release',
  causationid: 'old-release',
});

describe('an event stored at an older version, read by today\'s app', () => {
  let hotel: AppHarness;
  let sequence: number;

  beforeAll(async () => {
    hotel = await AppHarness.start();
    const headers = natsHeaders();
    headers.set('Content-Type', CLOUDEVENT_CONTENT_TYPE);
    headers.set('Nats-Expected-Last-Subject-Sequence', '0');
    sequence = (await jetstream(hotel.observer).publish(subject, bookingV1, { headers })).seq;
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('is projected as today\'s RoomBooked: the booking board shows the room booked by client "9"', async () => {
    const view = await hotel.get(`/query/booking/4/${date}?sequence=${sequence}`);
    expect(view).toMatchObject({ status: 200, body: { view: { roomId: '4', date, clientId: '9', availability: 'booked' } } });
  });

  it('calls for its cleaning: the bot decides on the upcast event and schedules it', async () => {
    const schedule = await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => answer.status === 200);
    expect(schedule.body).toMatchObject({ view: { date, rooms: [{ roomId: '4', status: 'scheduled' }] } });
  });

  it('is decided on: the same client\'s booking is satisfied by the old event, another client is refused, the cleanup follows', async () => {
    expect(await hotel.put('/mutation/book-room', booking(4, 9, date))).toMatchObject({ status: 201, body: { eventId: oldEventId, sequence } });
    expect(await hotel.put('/mutation/book-room', booking(4, 10, date))).toMatchObject({ status: 409, body: { rule: 'room-already-booked' } });
    await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => answer.status === 200);
    expect((await hotel.put('/mutation/cleanup', cleanup(4, date))).status).toBe(201);
    const stored = (await hotel.messages(HOTEL_STREAM.name, subject)).map((message) => message.string());
    expect(stored[0]).toBe(bookingV1);
    expect(stored.slice(1).join()).not.toContain('RoomBooked');
  });
});
