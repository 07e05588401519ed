import type { StateViewSlice } from '@libs/event-model/board';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { HOTEL_STREAM, roomDaySubjectFilter } from '@stream/hotel.stream';
import { bookingBoard, type BookingBoard } from './booking-board.projection';

/** Where each room stands on each date: booked, available after cleaning, occupied. */
export const BOOKING_BOARD: StateViewSlice<HotelEvent, BookingBoard> = {
  kind: 'state-view',
  name: 'booking-board',
  title: 'Booking availability',
  view: { name: 'booking-board', fields: ['roomId', 'date', 'clientId', 'availability'] },
  stream: HOTEL_STREAM,
  subjects: roomDaySubjectFilter(),
  events: ['RoomBooked', 'RoomAvailable', 'GuestCheckedIn'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/booking/:roomId/:date' }],
  projection: bookingBoard,
  shownTo: ['Guest'],
  rules: [
    'a booked room shows booked, with its client',
    'booked → available → occupied, cleaning events leave it as it is',
    'each room and date has its own entry',
    'registering a room shows no booking',
  ],
};
