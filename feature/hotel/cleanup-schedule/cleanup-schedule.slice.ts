import type { StateViewSlice } from '@libs/event-model/board';
import { roomDaySubjectFilter } from '@stream/hotel.stream';

/** The cleaning plan of a date, for the manager who sends the teams. */
export const CLEANUP_SCHEDULE: StateViewSlice = {
  kind: 'state-view',
  name: 'cleanup-schedule',
  title: 'Cleanup schedule of the day',
  view: { name: 'cleanup-schedule', fields: ['date', 'roomId', 'team', 'status'] },
  stream: 'HOTEL',
  subjects: roomDaySubjectFilter(),
  events: ['CleanupScheduled', 'RoomCleanedUp'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/cleanup-schedule/:date' }],
  shownTo: ['Manager'],
  rules: ['schedule plan contains the room, with its team', 'a cleaned room is marked cleaned', 'bookings alone put nothing on the schedule'],
};
