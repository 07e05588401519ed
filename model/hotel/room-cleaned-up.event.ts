import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ROOM_DAY, TEAM } from './hotel.fields';

/** The scheduled team finished cleaning the room for this date. */
export type RoomCleanedUp = DomainEvent<'RoomCleanedUp', { roomId: string; date: string; team: string }>;

export const ROOM_CLEANED_UP = eventContract<RoomCleanedUp>({
  type: 'RoomCleanedUp',
  version: 1,
  description: 'The scheduled team finished cleaning the room for this date.',
  fields: { ...ROOM_DAY, team: TEAM },
  example: { roomId: '1', date: '2022-12-12', team: 'orange' },
});
