import type { HotelEvent } from '@model/hotel/hotel.events';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { decodeEvents, encodeEvents, UndecodableEvent } from './cloudevent.codec';

const subject = 'hotel.room-day.7.2022-12-12';
/** A RoomBooked as stored at version `version`, with the data given. */
const storedBooking = (version: number, data: unknown, sequence = 4) => ({
  subject,
  sequence,
  body: JSON.stringify({
    id: '5a0f7c1e-2d0b-4a6e-9a51-0c0f9a2b7d07',
    time: '2022-12-01T10:00:00.000Z',
    type: `hotel.RoomBooked.v${version}`,
    source: '/hotel/book-room',
    specversion: '1.0',
    datacontenttype: 'application/json',
    subject,
    data,
    correlationid: 'trace-1',
    causationid: 'trace-1',
  }),
});

describe('CloudEvents codec, reading older versions', () => {
  it('writes RoomBooked at its current version, 2', () => {
    const encoded = encodeEvents(HOTEL_STREAM, [{ type: 'RoomBooked', data: { roomId: '7', clientId: '3', date: '2022-12-12' } }], ['id-1'], {
      source: '/hotel/book-room',
      subject,
      correlationId: 'c',
      causationId: 'c',
    });
    expect(JSON.parse(encoded.body)).toMatchObject({ type: 'hotel.RoomBooked.v2' });
  });

  it('reads a RoomBooked v1 with numeric ids as today\'s RoomBooked, with their tokens', () => {
    const [decoded] = decodeEvents<HotelEvent>(HOTEL_STREAM, storedBooking(1, { roomId: 7, clientId: 3, date: '2022-12-12' }));
    expect(decoded?.event).toEqual({ type: 'RoomBooked', data: { roomId: '7', clientId: '3', date: '2022-12-12' } });
    expect(decoded?.metadata).toMatchObject({ id: '5a0f7c1e-2d0b-4a6e-9a51-0c0f9a2b7d07', sequence: 4, correlationId: 'trace-1' });
  });

  it('reads a RoomBooked v1 that already holds string ids (as this app wrote v1) unchanged', () => {
    const [decoded] = decodeEvents<HotelEvent>(HOTEL_STREAM, storedBooking(1, { roomId: 'suite-7', clientId: 'alice', date: '2022-12-12' }));
    expect(decoded?.event).toEqual({ type: 'RoomBooked', data: { roomId: 'suite-7', clientId: 'alice', date: '2022-12-12' } });
  });

  it('upcasts within a batch, next to events of the current version', () => {
    const old = JSON.parse(storedBooking(1, { roomId: 7, clientId: 3, date: '2022-12-12' }).body) as Record<string, unknown>;
    const current = { ...old, id: 'id-2', type: 'hotel.RoomBooked.v2', data: { roomId: '8', clientId: '3', date: '2022-12-12' } };
    const decoded = decodeEvents<HotelEvent>(HOTEL_STREAM, { subject, sequence: 5, body: JSON.stringify([old, current]) });
    expect(decoded.map(({ event }) => event.data)).toEqual([
      { roomId: '7', clientId: '3', date: '2022-12-12' },
      { roomId: '8', clientId: '3', date: '2022-12-12' },
    ]);
  });

  it.each([
    ['an id that is a negative integer', 1, { roomId: -1, clientId: 3, date: '2022-12-12' }, 'no valid roomId (entity-id)'],
    ['a fractional id', 1, { roomId: 7, clientId: 1.5, date: '2022-12-12' }, 'no valid clientId (entity-id)'],
    ['numeric ids at v2, where they are tokens', 2, { roomId: 7, clientId: 3, date: '2022-12-12' }, 'no valid roomId (entity-id), clientId (entity-id)'],
    ['a version from a future release', 3, { roomId: '7', clientId: '3', date: '2022-12-12' }, 'RoomBooked v3 is newer than this release reads (v2)'],
    ['version 0', 0, { roomId: '7', clientId: '3', date: '2022-12-12' }, 'unknown event type hotel.RoomBooked.v0'],
  ])('refuses %s as poison', (_case, version, data, problem) => {
    expect(() => decodeEvents(HOTEL_STREAM, storedBooking(version, data))).toThrow(UndecodableEvent);
    expect(() => decodeEvents(HOTEL_STREAM, storedBooking(version, data))).toThrow(problem);
  });
});
