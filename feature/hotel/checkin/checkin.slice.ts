import type { StateChangeSlice } from '@libs/event-model/board';
import { hotelCommandSubject } from '@stream/hotel.stream';

/** The guest who booked checks in to the clean room. */
export const CHECKIN: StateChangeSlice = {
  kind: 'state-change',
  name: 'checkin',
  title: 'Guest check in',
  actor: 'Guest',
  triggers: [
    { kind: 'http', method: 'PUT', path: '/mutation/checkin' },
    { kind: 'nats', subject: hotelCommandSubject('checkin') },
  ],
  command: { name: 'CheckIn', fields: ['roomId', 'clientId', 'date'] },
  stream: 'HOTEL',
  events: ['GuestCheckedIn'],
  rules: [
    'the guest checks in to the clean room they booked',
    'room needs to be available to check in',
    'the room must be booked for that date',
    'only the client who booked checks in',
    'a guest checks in once',
  ],
};
