import type { StateViewSlice } from '@libs/event-model/board';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { HOTEL_STREAM, roomDaySubjectFilter } from '@stream/hotel.stream';
import { cleanupSchedule, type CleanupSchedule } from './cleanup-schedule.projection';

/** The cleaning plan of a date, for the manager who sends the teams. */
export const CLEANUP_SCHEDULE: StateViewSlice<HotelEvent, CleanupSchedule> = {
  kind: 'state-view',
  name: 'cleanup-schedule',
  title: 'Cleanup schedule of the day',
  view: { name: 'cleanup-schedule', fields: ['date', 'roomId', 'team', 'status'] },
  stream: HOTEL_STREAM,
  subjects: roomDaySubjectFilter(),
  events: ['CleanupScheduled', 'RoomCleanedUp'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/cleanup-schedule/:date' }],
  projection: cleanupSchedule,
  shownTo: ['Manager'],
  rules: ['schedule plan contains the room, with its team', 'a cleaned room is marked cleaned', 'bookings alone put nothing on the schedule'],
};
