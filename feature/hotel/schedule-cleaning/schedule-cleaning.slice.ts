import type { AutomationSlice } from '@libs/event-model/board';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { HOTEL_STREAM, roomDaySubject, roomDaySubjectFilter } from '@stream/hotel.stream';
import { scheduleCleaning, type RoomDayCleaningPlan, type ScheduleCleaning } from './schedule-cleaning.decider';
import { onRoomBooked } from './schedule-cleaning.reactor';

/** The bot schedules the cleaning of every booked room for its date, with a team. */
export const SCHEDULE_CLEANING: AutomationSlice<HotelEvent, ScheduleCleaning, RoomDayCleaningPlan> = {
  kind: 'automation',
  name: 'schedule-cleaning',
  title: 'Bot schedule cleaning for the date',
  actor: 'Bot',
  subjects: roomDaySubjectFilter(),
  reactsTo: ['RoomBooked'],
  command: { name: 'ScheduleCleaning', fields: ['roomId', 'date', 'team'] },
  stream: HOTEL_STREAM,
  events: ['CleanupScheduled'],
  react: onRoomBooked,
  decider: scheduleCleaning,
  entity: ({ data }) => roomDaySubject(data.roomId, data.date),
  rules: [
    'react to booking: a booking asks for its cleaning',
    'other events ask for nothing',
    'assign the team for the date: always the same team for a room and date, rotating over days',
    'schedule plan contains the room: a booked room gets its cleaning',
    'a cleaning is scheduled once, whatever team a repeat asks for',
    'a room that is not booked gets no cleaning',
  ],
};
