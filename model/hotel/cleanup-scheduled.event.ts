import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ROOM_DAY, TEAM } from './hotel.fields';

/** A cleaning team is assigned to prepare the booked room on this date. */
export type CleanupScheduled = DomainEvent<'CleanupScheduled', { roomId: string; date: string; team: string }>;

export const CLEANUP_SCHEDULED = eventContract<CleanupScheduled>({
  type: 'CleanupScheduled',
  version: 1,
  description: 'A cleaning team is assigned to prepare the booked room on this date.',
  fields: { ...ROOM_DAY, team: TEAM },
  example: { roomId: '1', date: '2022-12-12', team: 'orange' },
});
