import type { Event } from '@event-driven-io/emmett';

/** A guest booked the room for the date; `messageId` is the event's id, chosen by the command. */
export type RoomBooked = Event<'RoomBooked', { roomId: string; clientId: string; date: string }, BookingMetadata>;
/** The bot gave the booked room-day to a cleaning team. */
export type CleanupScheduled = Event<'CleanupScheduled', { roomId: string; date: string; team: string }>;
/** The team cleaned the room for the date. */
export type RoomCleanedUp = Event<'RoomCleanedUp', { roomId: string; date: string; team: string }>;
/** The room is clean and ready for its guest. */
export type RoomAvailable = Event<'RoomAvailable', { roomId: string; date: string }>;
/** The guest who booked the room moved in. */
export type GuestCheckedIn = Event<'GuestCheckedIn', { roomId: string; clientId: string; date: string }>;

export type RoomDayEvent = RoomBooked | CleanupScheduled | RoomCleanedUp | RoomAvailable | GuestCheckedIn;

/** The store adds `streamPosition` to every event it reads back; a freshly decided event has none yet. */
export type BookingMetadata = {
  readonly messageId: string;
  readonly streamPosition?: bigint;
};

/** One room on one date: its own stream, so its rules are checked against its own events only. */
export interface RoomDay {
  readonly booking?: { readonly clientId: string; readonly eventId: string; readonly position?: bigint };
  readonly team?: string;
  readonly cleaned: boolean;
  readonly available: boolean;
  readonly checkedIn: boolean;
}

export const initialState = (): RoomDay => ({ cleaned: false, available: false, checkedIn: false });

export const evolve = (state: RoomDay, event: RoomDayEvent): RoomDay => {
  switch (event.type) {
    case 'RoomBooked':
      return { ...state, booking: { clientId: event.data.clientId, eventId: event.metadata.messageId, position: event.metadata.streamPosition } };
    case 'CleanupScheduled':
      return { ...state, team: event.data.team };
    case 'RoomCleanedUp':
      return { ...state, cleaned: true };
    case 'RoomAvailable':
      return { ...state, available: true };
    case 'GuestCheckedIn':
      return { ...state, checkedIn: true };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};

/** `room_day` is the stream type Emmett takes from the name's first `-` part. */
export const roomDayStream = (roomId: string, date: string): string => `room_day-${roomId}-${date}`;
