import { EmmettError } from '@event-driven-io/emmett';
import type { CleanupScheduled, GuestCheckedIn, RoomAvailable, RoomBooked, RoomCleanedUp, RoomDay } from './room-day';

/** A hotel rule refused the command: nothing is written and the caller gets a 409 naming the rule. */
export class RuleViolation extends EmmettError {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super({ errorCode: 409, message });
    // EmmettError's constructor pins the prototype to its own class; this keeps `instanceof RuleViolation`.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export interface BookRoom {
  readonly roomId: string;
  readonly clientId: string;
  readonly date: string;
  readonly roomRegistered: boolean;
  /** The id the booking event gets, so that the answer can name it. */
  readonly eventId: string;
}

/** The room must exist and is booked once per date; the same client booking again changes nothing. */
export const bookRoom = (command: BookRoom, state: RoomDay): RoomBooked[] => {
  const { roomId, clientId, date } = command;
  if (!command.roomRegistered) throw new RuleViolation('room-must-exist', `room ${roomId} does not exist in this hotel; register it first`);
  if (state.booking?.clientId === clientId) return [];
  if (state.booking) throw new RuleViolation('room-already-booked', `room ${roomId} is already booked on ${date} by another client`);
  return [{ type: 'RoomBooked', data: { roomId, clientId, date }, metadata: { messageId: command.eventId } }];
};

/** The bot schedules the cleaning of a booked room-day once. */
export const scheduleCleaning = (command: { roomId: string; date: string; team: string }, state: RoomDay): CleanupScheduled[] => {
  const { roomId, date, team } = command;
  if (!state.booking) throw new RuleViolation('room-must-be-booked', `room ${roomId} is not booked on ${date}: there is nothing to clean for`);
  if (state.team !== undefined) return [];
  return [{ type: 'CleanupScheduled', data: { roomId, date, team } }];
};

/** The team cleans a booked and scheduled room once; then it is available. */
export const cleanRoom = (command: { roomId: string; date: string }, state: RoomDay): (RoomCleanedUp | RoomAvailable)[] => {
  const { roomId, date } = command;
  if (!state.booking) throw new RuleViolation('room-must-be-booked', `room ${roomId} is not booked on ${date}, so there is no cleaning to do`);
  if (state.team === undefined) throw new RuleViolation('cleanup-must-be-scheduled', `no team is scheduled to clean room ${roomId} on ${date} yet; retry in a moment`);
  if (state.cleaned) throw new RuleViolation('room-already-cleaned', `room ${roomId} was already cleaned for ${date}`);
  return [
    { type: 'RoomCleanedUp', data: { roomId, date, team: state.team } },
    { type: 'RoomAvailable', data: { roomId, date } },
  ];
};

/** The guest who booked checks in once the room is available, and once. */
export const checkIn = (command: { roomId: string; clientId: string; date: string }, state: RoomDay): GuestCheckedIn[] => {
  const { roomId, clientId, date } = command;
  if (!state.booking) throw new RuleViolation('room-must-be-booked', `room ${roomId} is not booked on ${date}; book it before checking in`);
  if (state.booking.clientId !== clientId) throw new RuleViolation('booked-by-another-client', `room ${roomId} is booked on ${date} by another client than ${clientId}`);
  if (state.checkedIn) throw new RuleViolation('guest-already-checked-in', `the guest already checked in to room ${roomId} on ${date}`);
  if (!state.available) throw new RuleViolation('room-must-be-available', `room ${roomId} is not cleaned for ${date} yet; check in once it is available`);
  return [{ type: 'GuestCheckedIn', data: { roomId, clientId, date } }];
};

const TEAMS = ['blue', 'green', 'orange'] as const;

/** Teams rotate over the rooms day by day, so a redelivered booking asks for the same team. */
export const assignTeam = (roomId: string, date: string): string => {
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  const room = [...roomId].reduce((hash, character) => (hash * 31 + character.charCodeAt(0)) % 1_000_003, 7);
  return TEAMS[(room + day) % TEAMS.length] ?? TEAMS[0];
};
