import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ROOM_ID } from './hotel.fields';

/** The hotel has a room with this id: from now on it can be booked. */
export type RoomRegistered = DomainEvent<'RoomRegistered', { roomId: string; name: string }>;

export const ROOM_REGISTERED = eventContract<RoomRegistered>({
  type: 'RoomRegistered',
  version: 1,
  description: 'The hotel has a room with this id: from now on it can be booked.',
  fields: { roomId: ROOM_ID, name: { kind: 'text', description: 'What guests call the room.' } },
  example: { roomId: '1', name: 'Room 1' },
});
