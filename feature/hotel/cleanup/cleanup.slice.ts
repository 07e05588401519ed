import type { StateChangeSlice } from '@libs/event-model/board';
import { commandTriggers } from '../hotel.triggers';

/** The team cleans a booked room; it becomes available to its guest. */
export const CLEANUP: StateChangeSlice = {
  kind: 'state-change',
  name: 'cleanup',
  title: 'The team clean the room',
  actor: 'Manager',
  triggers: commandTriggers('cleanup'),
  command: { name: 'CleanRoom', fields: ['roomId', 'date'] },
  stream: 'HOTEL',
  events: ['RoomCleanedUp', 'RoomAvailable'],
  rules: ['room become available when done', 'the room must be booked this day', 'the cleaning must have been scheduled', 'a room is cleaned once'],
};
