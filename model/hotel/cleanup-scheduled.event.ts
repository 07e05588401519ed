import type { DomainEvent } from '@libs/decider/decider';

/** A cleaning team is assigned to prepare the booked room on this date. */
export type CleanupScheduled = DomainEvent<'CleanupScheduled', { roomId: string; date: string; team: string }>;
