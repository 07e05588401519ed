import type { StateChangeSlice } from '@libs/event-model/board';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { commandTriggers } from '../hotel.triggers';
import { cleanRoom, type CleanRoom, type RoomDayCleanup } from './cleanup.decider';

/** The team cleans a booked room; it becomes available to its guest. */
export const CLEANUP: StateChangeSlice<CleanRoom, RoomDayCleanup, RoomDayEvent> = {
  kind: 'state-change',
  name: 'cleanup',
  title: 'The team clean the room',
  actor: 'Manager',
  triggers: commandTriggers('cleanup'),
  command: { name: 'CleanRoom', fields: ['roomId', 'date'] },
  stream: HOTEL_STREAM,
  events: ['RoomCleanedUp', 'RoomAvailable'],
  decider: cleanRoom,
  entity: ({ data }) => roomDaySubject(data.roomId, data.date),
  rules: ['room become available when done', 'the room must be booked this day', 'the cleaning must have been scheduled', 'a room is cleaned once'],
};
