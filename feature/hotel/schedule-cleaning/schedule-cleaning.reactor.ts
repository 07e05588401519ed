import type { Reactor } from '@libs/decider/projection';
import type { HotelEvent } from '@model/hotel/hotel.events';
import type { ScheduleCleaning } from './schedule-cleaning.decider';

export const CLEANING_TEAMS = ['blue', 'green', 'orange'] as const;

/**
 * The team for a room on a date: teams rotate over the rooms day by day, so the same
 * booking always gets the same team, and a redelivered event asks for the same thing.
 */
export const assignTeam = (roomId: string, date: string): string => {
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  const room = [...roomId].reduce((hash, character) => (hash * 31 + character.charCodeAt(0)) % 1_000_003, 7);
  return CLEANING_TEAMS[(room + day) % CLEANING_TEAMS.length] ?? CLEANING_TEAMS[0];
};

/** React to booking: every booked room-day gets its cleaning scheduled. */
export const onRoomBooked: Reactor<HotelEvent, ScheduleCleaning> = ({ event }) =>
  event.type === 'RoomBooked'
    ? [{ type: 'ScheduleCleaning', data: { roomId: event.data.roomId, date: event.data.date, team: assignTeam(event.data.roomId, event.data.date) } }]
    : [];
