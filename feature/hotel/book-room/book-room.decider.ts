import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import type { RoomBooked } from '@model/hotel/room-booked.event';

/** Book a room for a date; `roomRegistered` is what the registry says of the room when deciding. */
export type BookRoom = Command<'BookRoom', { roomId: string; clientId: string; date: string; roomRegistered: boolean }>;

export interface RoomDayBooking {
  readonly booking?: { readonly clientId: string; readonly eventId: string; readonly sequence: number };
}

export class RoomMustExist extends RuleViolation {
  constructor(roomId: string) {
    super('room-must-exist', `room ${roomId} does not exist in this hotel; register it first`, { roomId });
  }
}

export class RoomAlreadyBooked extends RuleViolation {
  constructor(roomId: string, date: string) {
    super('room-already-booked', `room ${roomId} is already booked on ${date} by another client`, { roomId, date });
  }
}

/** The guest books the room: the room must exist, and it is booked once per date. */
export const bookRoom: Decider<BookRoom, RoomDayBooking, RoomDayEvent> = {
  initialState: () => ({}),
  evolve: (state, event, metadata) =>
    event.type === 'RoomBooked'
      ? { booking: { clientId: event.data.clientId, eventId: metadata.id, sequence: metadata.sequence } }
      : state,
  decide: (command, state): RoomBooked[] => {
    const { roomId, clientId, date } = command.data;
    if (!command.data.roomRegistered) throw new RoomMustExist(roomId);
    if (state.booking?.clientId === clientId) return [];
    if (state.booking) throw new RoomAlreadyBooked(roomId, date);
    return [{ type: 'RoomBooked', data: { roomId, clientId, date } }];
  },
};
