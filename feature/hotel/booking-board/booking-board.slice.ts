import type { StateViewSlice } from '@libs/event-model/board';
import { roomDaySubjectFilter } from '@stream/hotel.stream';

/** Where each room stands on each date: booked, available after cleaning, occupied. */
export const BOOKING_BOARD: StateViewSlice = {
  kind: 'state-view',
  name: 'booking-board',
  title: 'Booking availability',
  view: { name: 'booking-board', fields: ['roomId', 'date', 'clientId', 'availability'] },
  stream: 'HOTEL',
  subjects: roomDaySubjectFilter(),
  events: ['RoomBooked', 'RoomAvailable', 'GuestCheckedIn'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/booking/:roomId/:date' }],
  shownTo: ['Guest'],
  rules: [
    'a booked room shows booked, with its client',
    'booked → available → occupied, cleaning events leave it as it is',
    'each room and date has its own entry',
    'registering a room shows no booking',
  ],
};
