import type { StateChangeSlice } from '@libs/event-model/board';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { commandTriggers } from '../hotel.triggers';
import { checkIn, type CheckIn, type RoomDayArrival } from './checkin.decider';

/** The guest who booked checks in to the clean room. */
export const CHECKIN: StateChangeSlice<CheckIn, RoomDayArrival, RoomDayEvent> = {
  kind: 'state-change',
  name: 'checkin',
  title: 'Guest check in',
  actor: 'Guest',
  triggers: commandTriggers('checkin'),
  command: { name: 'CheckIn', fields: ['roomId', 'clientId', 'date'] },
  stream: HOTEL_STREAM,
  events: ['GuestCheckedIn'],
  decider: checkIn,
  entity: ({ data }) => roomDaySubject(data.roomId, data.date),
  rules: [
    'the guest checks in to the clean room they booked',
    'room needs to be available to check in',
    'the room must be booked for that date',
    'only the client who booked checks in',
    'a guest checks in once',
  ],
};
