import type { DomainEvent } from '@libs/decider/decider';

/** The hotel has a room with this id: from now on it can be booked. */
export type RoomRegistered = DomainEvent<'RoomRegistered', { roomId: string; name: string }>;
