import type { StateChangeSlice } from '@libs/event-model/board';
import { commandTriggers } from '../hotel.triggers';

/** The manager registers a room, so that bookings can check that it exists. */
export const REGISTER_ROOM: StateChangeSlice = {
  kind: 'state-change',
  name: 'register-room',
  title: 'Manager register a room',
  actor: 'Manager',
  triggers: commandTriggers('register-room'),
  command: { name: 'RegisterRoom', fields: ['roomId', 'name'] },
  stream: 'HOTEL',
  events: ['RoomRegistered'],
  rules: ['a new room is registered', 'registering a room twice changes nothing'],
};
