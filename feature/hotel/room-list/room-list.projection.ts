import type { Projection } from '@libs/decider/projection';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { compareIds } from '@libs/ids/entity-id';

/** The hotel's rooms, one document per room: what a manager picks from when booking or cleaning. */
export interface RoomListEntry {
  readonly roomId: string;
  readonly name: string;
}

export const roomList: Projection<HotelEvent, RoomListEntry> = {
  name: 'room-list',
  keyOf: (event) => (event.type === 'RoomRegistered' ? event.data.roomId : undefined),
  evolve: (document, { event }) =>
    event.type === 'RoomRegistered' ? { roomId: event.data.roomId, name: event.data.name } : (document as RoomListEntry),
};

/** Room ids in the order people count them: 2 before 10. */
export const byRoomId = (left: RoomListEntry, right: RoomListEntry): number =>
  compareIds(left.roomId, right.roomId);
