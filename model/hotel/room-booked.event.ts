import type { DomainEvent } from '@libs/decider/decider';

/** A client holds the room for the night of this date; nobody else can book it then. */
export type RoomBooked = DomainEvent<'RoomBooked', { roomId: string; clientId: string; date: string }>;
