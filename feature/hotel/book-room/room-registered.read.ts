import type { EntityRead } from '@libs/command/entity-read';
import type { RoomRegistered } from '@model/hotel/room-registered.event';
import { HOTEL_STREAM, roomSubject } from '@stream/hotel.stream';

/** Whether the room is in the hotel's registry, as the booking rule "the room must exist" asks; rooms are never unregistered. */
export const ROOM_REGISTERED: EntityRead<string, boolean, RoomRegistered> = {
  name: 'room-registered',
  stream: HOTEL_STREAM,
  subjectOf: (roomId) => roomSubject(roomId),
  initial: () => false,
  evolve: (registered, event) => registered || event.type === 'RoomRegistered',
  settled: (registered) => registered,
};
