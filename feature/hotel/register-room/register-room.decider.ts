import type { Command, Decider } from '@libs/decider/decider';
import type { RoomRegistered } from '@model/hotel/room-registered.event';

export type RegisterRoom = Command<'RegisterRoom', { roomId: string; name: string }>;

export interface RoomRegistration {
  readonly registration?: { readonly name: string; readonly eventId: string; readonly sequence: number };
}

/** Admin slice: rooms come into existence by events, so "the room must exist" can be checked. */
export const registerRoom: Decider<RegisterRoom, RoomRegistration, RoomRegistered> = {
  initialState: () => ({}),
  evolve: (_state, event, metadata) => ({
    registration: { name: event.data.name, eventId: metadata.id, sequence: metadata.sequence },
  }),
  decide: (command, state) =>
    state.registration ? [] : [{ type: 'RoomRegistered', data: { roomId: command.data.roomId, name: command.data.name } }],
};
