import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { CleanupScheduled } from '@model/hotel/cleanup-scheduled.event';
import type { RoomDayEvent } from '@model/hotel/hotel.events';

export type ScheduleCleaning = Command<'ScheduleCleaning', { roomId: string; date: string; team: string }>;

export interface RoomDayCleaningPlan {
  readonly booked: boolean;
  readonly team?: string;
}

export class CleaningNeedsBooking extends RuleViolation {
  constructor(roomId: string, date: string) {
    super('room-must-be-booked', `room ${roomId} is not booked on ${date}: there is nothing to clean for`, { roomId, date });
  }
}

/** The bot schedules the cleaning of a booked room for its date, once. */
export const scheduleCleaning: Decider<ScheduleCleaning, RoomDayCleaningPlan, RoomDayEvent> = {
  initialState: () => ({ booked: false }),
  evolve: (state, event) => {
    if (event.type === 'RoomBooked') return { ...state, booked: true };
    if (event.type === 'CleanupScheduled') return { ...state, team: event.data.team };
    return state;
  },
  decide: (command, state): CleanupScheduled[] => {
    const { roomId, date, team } = command.data;
    if (!state.booked) throw new CleaningNeedsBooking(roomId, date);
    if (state.team !== undefined) return [];
    return [{ type: 'CleanupScheduled', data: { roomId, date, team } }];
  },
};
