import type { Projection } from '@libs/decider/projection';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { compareIds } from '@libs/ids/entity-id';

/** The board's green "Cleanup schedule" post-it: the rooms to clean on a date, with their teams. */
export interface CleanupSchedule {
  readonly date: string;
  readonly rooms: readonly ScheduledRoom[];
}

export interface ScheduledRoom {
  readonly roomId: string;
  readonly team: string;
  readonly status: 'scheduled' | 'cleaned';
}

const byRoom = (left: ScheduledRoom, right: ScheduledRoom): number =>
  compareIds(left.roomId, right.roomId);

export const cleanupSchedule: Projection<HotelEvent, CleanupSchedule> = {
  name: 'cleanup-schedule',
  keyOf: (event) => (event.type === 'CleanupScheduled' || event.type === 'RoomCleanedUp' ? event.data.date : undefined),
  evolve: (document, { event }) => {
    const schedule = document ?? { date: 'date' in event.data ? event.data.date : '', rooms: [] };
    if (event.type !== 'CleanupScheduled' && event.type !== 'RoomCleanedUp') return schedule;
    const { roomId, team } = event.data;
    const status: ScheduledRoom['status'] = event.type === 'CleanupScheduled' ? 'scheduled' : 'cleaned';
    const others = schedule.rooms.filter((room) => room.roomId !== roomId);
    return { date: event.data.date, rooms: [...others, { roomId, team, status }].sort(byRoom) };
  },
};
