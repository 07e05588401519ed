import type { DomainEvent } from '@libs/decider/decider';

/** The client who booked the room has arrived and occupies it for this date. */
export type GuestCheckedIn = DomainEvent<'GuestCheckedIn', { roomId: string; clientId: string; date: string }>;
