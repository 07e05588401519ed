import type { StateChangeSlice } from '@libs/event-model/board';
import { commandTriggers } from '../hotel.triggers';

/** The guest who booked checks in to the clean room. */
export const CHECKIN: StateChangeSlice = {
  kind: 'state-change',
  name: 'checkin',
  title: 'Guest check in',
  actor: 'Guest',
  triggers: commandTriggers('checkin'),
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
