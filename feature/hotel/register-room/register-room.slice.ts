import type { StateChangeSlice } from '@libs/event-model/board';
import type { RoomRegistered } from '@model/hotel/room-registered.event';
import { HOTEL_STREAM, roomSubject } from '@stream/hotel.stream';
import { commandTriggers } from '../hotel.triggers';
import { registerRoom, type RegisterRoom, type RoomRegistration } from './register-room.decider';

/** The manager registers a room, so that bookings can check that it exists. */
export const REGISTER_ROOM: StateChangeSlice<RegisterRoom, RoomRegistration, RoomRegistered> = {
  kind: 'state-change',
  name: 'register-room',
  title: 'Manager register a room',
  actor: 'Manager',
  triggers: commandTriggers('register-room'),
  command: { name: 'RegisterRoom', fields: ['roomId', 'name'] },
  stream: HOTEL_STREAM,
  events: ['RoomRegistered'],
  decider: registerRoom,
  entity: ({ data }) => roomSubject(data.roomId),
  rules: ['a new room is registered', 'registering a room twice changes nothing'],
};
