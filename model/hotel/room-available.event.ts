import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ROOM_DAY } from './hotel.fields';

/** The booked room is ready for its guest to check in on this date. */
export type RoomAvailable = DomainEvent<'RoomAvailable', { roomId: string; date: string }>;

export const ROOM_AVAILABLE = eventContract<RoomAvailable>({
  type: 'RoomAvailable',
  version: 1,
  description: 'The booked room is ready for its guest to check in on this date.',
  fields: ROOM_DAY,
  example: { roomId: '1', date: '2022-12-12' },
});
