import { assertNever, type Command, type Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import type { RoomAvailable } from '@model/hotel/room-available.event';
import type { RoomCleanedUp } from '@model/hotel/room-cleaned-up.event';

export type CleanRoom = Command<'CleanRoom', { roomId: string; date: string }>;

export interface RoomDayCleanup {
  readonly booked: boolean;
  readonly team?: string;
  readonly cleaned: boolean;
}

export class RoomMustBeBooked extends RuleViolation {
  constructor(roomId: string, date: string) {
    super('room-must-be-booked', `room ${roomId} is not booked on ${date}, so there is no cleaning to do`, { roomId, date });
  }
}

export class CleanupMustBeScheduled extends RuleViolation {
  constructor(roomId: string, date: string) {
    super('cleanup-must-be-scheduled', `no team is scheduled to clean room ${roomId} on ${date} yet; retry in a moment`, {
      roomId,
      date,
    });
  }
}

export class RoomAlreadyCleaned extends RuleViolation {
  constructor(roomId: string, date: string) {
    super('room-already-cleaned', `room ${roomId} was already cleaned for ${date}`, { roomId, date });
  }
}

/** The team cleans the room: it must be booked that day and scheduled; once done, the room is available. */
export const cleanRoom: Decider<CleanRoom, RoomDayCleanup, RoomDayEvent> = {
  initialState: () => ({ booked: false, cleaned: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'RoomBooked':
        return { ...state, booked: true };
      case 'CleanupScheduled':
        return { ...state, team: event.data.team };
      case 'RoomCleanedUp':
        return { ...state, cleaned: true };
      case 'RoomAvailable':
      case 'GuestCheckedIn':
        return state;
      default:
        return assertNever(event);
    }
  },
  decide: (command, state): (RoomCleanedUp | RoomAvailable)[] => {
    const { roomId, date } = command.data;
    if (!state.booked) throw new RoomMustBeBooked(roomId, date);
    if (state.team === undefined) throw new CleanupMustBeScheduled(roomId, date);
    if (state.cleaned) throw new RoomAlreadyCleaned(roomId, date);
    return [
      { type: 'RoomCleanedUp', data: { roomId, date, team: state.team } },
      { type: 'RoomAvailable', data: { roomId, date } },
    ];
  },
};
