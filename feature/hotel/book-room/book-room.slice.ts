import type { StateChangeSlice } from '@libs/event-model/board';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { commandTriggers } from '../hotel.triggers';
import { bookRoom, type BookRoom, type RoomDayBooking } from './book-room.decider';

/** A guest books a room for a night; the booking rules hold forever. */
export const BOOK_ROOM: StateChangeSlice<BookRoom, RoomDayBooking, RoomDayEvent> = {
  kind: 'state-change',
  name: 'book-room',
  title: 'User book the room',
  actor: 'Guest',
  triggers: commandTriggers('book-room'),
  command: { name: 'BookRoom', fields: ['roomId', 'clientId', 'date'] },
  stream: HOTEL_STREAM,
  events: ['RoomBooked'],
  decider: bookRoom,
  entity: ({ data }) => roomDaySubject(data.roomId, data.date),
  rules: [
    'a free room is booked',
    'the room must exist',
    'it should be booked once: another client is refused',
    'it should be booked once: the same booking again changes nothing',
    'a room cleaned and occupied is still booked for that date',
  ],
};
