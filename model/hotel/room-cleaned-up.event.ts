import type { DomainEvent } from '@libs/decider/decider';

/** The scheduled team finished cleaning the room for this date. */
export type RoomCleanedUp = DomainEvent<'RoomCleanedUp', { roomId: string; date: string; team: string }>;
