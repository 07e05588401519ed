import { RuleViolation } from '@libs/errors/domain-error';
import { BoardFlow } from '@libs/testing/board-flow';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { BOOK_ROOM } from './book-room/book-room.slice';
import { ROOM_REGISTERED } from './book-room/room-registered.read';
import { BOOKING_BOARD } from './booking-board/booking-board.slice';
import { bookingBoardKey } from './booking-board/booking-board.projection';
import { CHECKIN } from './checkin/checkin.slice';
import { CLEANUP_SCHEDULE } from './cleanup-schedule/cleanup-schedule.slice';
import { CLEANUP } from './cleanup/cleanup.slice';
import { DEMO_ROOMS, HOTEL_BOARD } from './hotel.board';
import { REGISTER_ROOM } from './register-room/register-room.slice';
import { ROOM_LIST } from './room-list/room-list.slice';

const DATE = '2022-12-12';

/** The hotel's flows end to end on the in-memory store: commands, the bot and the views, as the app runs them on JetStream. */
describe('the hotel board, flow by flow', () => {
  let flow: BoardFlow;

  const book = async (roomId: string, clientId: string) =>
    flow.command(BOOK_ROOM, { type: 'BookRoom', data: { roomId, clientId, date: DATE, roomRegistered: await flow.read(ROOM_REGISTERED, roomId) } });

  beforeEach(async () => {
    flow = new BoardFlow([HOTEL_BOARD]);
    for (const { slice, command } of HOTEL_BOARD.demo ?? []) await flow.command(slice, command);
    await flow.settle();
  });

  it('the demo rooms are registered and listed', () => {
    expect(DEMO_ROOMS.map(({ id }) => flow.view(ROOM_LIST, id))).toEqual(DEMO_ROOMS.map(({ id, name }) => ({ roomId: id, name })));
  });

  it('a guest books, the bot schedules the cleaning, the team cleans, the guest checks in', async () => {
    await book('1', 'ada');
    await flow.settle();
    expect(flow.view(CLEANUP_SCHEDULE, DATE)).toMatchObject({ rooms: [{ roomId: '1', status: 'scheduled' }] });
    expect(flow.view(BOOKING_BOARD, bookingBoardKey('1', DATE))).toMatchObject({ clientId: 'ada', availability: 'booked' });

    await flow.command(CLEANUP, { type: 'CleanRoom', data: { roomId: '1', date: DATE } });
    await flow.command(CHECKIN, { type: 'CheckIn', data: { roomId: '1', clientId: 'ada', date: DATE } });
    await flow.settle();

    expect(flow.view(CLEANUP_SCHEDULE, DATE)).toMatchObject({ rooms: [{ roomId: '1', status: 'cleaned' }] });
    expect(flow.view(BOOKING_BOARD, bookingBoardKey('1', DATE))).toMatchObject({ clientId: 'ada', availability: 'occupied' });
    expect(flow.events(HOTEL_STREAM.name, roomDaySubject('1', DATE)).map(({ type }) => type)).toEqual([
      'RoomBooked',
      'CleanupScheduled',
      'RoomCleanedUp',
      'RoomAvailable',
      'GuestCheckedIn',
    ]);
  });

  it('a room is booked once: the rival is refused, the retry changes nothing, the bot schedules one cleaning', async () => {
    await book('2', 'ada');
    await expect(book('2', 'bob')).rejects.toMatchObject({ code: 'room-already-booked' });
    expect((await book('2', 'ada')).events).toEqual([]);
    await flow.settle();
    await flow.settle();
    expect(flow.events(HOTEL_STREAM.name, roomDaySubject('2', DATE)).map(({ type }) => type)).toEqual(['RoomBooked', 'CleanupScheduled']);
    expect(flow.refusals).toEqual([]);
  });

  it('a room nobody registered cannot be booked, and a registration makes it bookable', async () => {
    await expect(book('99', 'ada')).rejects.toBeInstanceOf(RuleViolation);
    await flow.command(REGISTER_ROOM, { type: 'RegisterRoom', data: { roomId: '99', name: 'Annex' } });
    await book('99', 'ada');
    await flow.settle();
    expect(flow.view(ROOM_LIST, '99')).toEqual({ roomId: '99', name: 'Annex' });
    expect(flow.view(CLEANUP_SCHEDULE, DATE)).toMatchObject({ rooms: [{ roomId: '99' }] });
  });

  it('a check-in before the cleaning is refused, and the room stays booked', async () => {
    await book('3', 'ada');
    await flow.settle();
    await expect(flow.command(CHECKIN, { type: 'CheckIn', data: { roomId: '3', clientId: 'ada', date: DATE } })).rejects.toMatchObject({ code: 'room-must-be-available' });
    await flow.settle();
    expect(flow.view(BOOKING_BOARD, bookingBoardKey('3', DATE))).toMatchObject({ availability: 'booked' });
  });
});
