import type { DomainEvent } from '@libs/decider/decider';

/** The booked room is ready for its guest to check in on this date. */
export type RoomAvailable = DomainEvent<'RoomAvailable', { roomId: string; date: string }>;
