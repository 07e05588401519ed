import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { GuestCheckedIn } from '@model/hotel/guest-checked-in.event';
import type { RoomDayEvent } from '@model/hotel/hotel.events';

export type CheckIn = Command<'CheckIn', { roomId: string; clientId: string; date: string }>;

export interface RoomDayArrival {
  readonly bookedBy?: string;
  readonly available: boolean;
  readonly checkedIn: boolean;
}

export class CheckInNeedsBooking extends RuleViolation {
  constructor(roomId: string, date: string) {
    super('room-must-be-booked', `room ${roomId} is not booked on ${date}; book it before checking in`, { roomId, date });
  }
}

export class BookedByAnotherClient extends RuleViolation {
  constructor(roomId: string, date: string, clientId: string) {
    super('booked-by-another-client', `room ${roomId} is booked on ${date} by another client than ${clientId}`, {
      roomId,
      date,
      clientId,
    });
  }
}

export class RoomNotAvailable extends RuleViolation {
  constructor(roomId: string, date: string) {
    super('room-must-be-available', `room ${roomId} is not cleaned for ${date} yet; check in once it is available`, {
      roomId,
      date,
    });
  }
}

export class GuestAlreadyCheckedIn extends RuleViolation {
  constructor(roomId: string, date: string) {
    super('guest-already-checked-in', `the guest already checked in to room ${roomId} on ${date}`, { roomId, date });
  }
}

/** The guest checks in: to the room they booked for that date, once it is clean, and once. */
export const checkIn: Decider<CheckIn, RoomDayArrival, RoomDayEvent> = {
  initialState: () => ({ available: false, checkedIn: false }),
  evolve: (state, event) => {
    if (event.type === 'RoomBooked') return { ...state, bookedBy: event.data.clientId };
    if (event.type === 'RoomAvailable') return { ...state, available: true };
    if (event.type === 'GuestCheckedIn') return { ...state, checkedIn: true };
    return state;
  },
  decide: (command, state): GuestCheckedIn[] => {
    const { roomId, clientId, date } = command.data;
    if (state.bookedBy === undefined) throw new CheckInNeedsBooking(roomId, date);
    if (state.bookedBy !== clientId) throw new BookedByAnotherClient(roomId, date, clientId);
    if (state.checkedIn) throw new GuestAlreadyCheckedIn(roomId, date);
    if (!state.available) throw new RoomNotAvailable(roomId, date);
    return [{ type: 'GuestCheckedIn', data: { roomId, clientId, date } }];
  },
};
