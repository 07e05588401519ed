import type { Event } from '@event-driven-io/emmett';

/** The hotel has this room. */
export type RoomRegistered = Event<'RoomRegistered', { roomId: string }>;

export interface Room {
  readonly registered: boolean;
}

export const initialRoom = (): Room => ({ registered: false });

export const evolveRoom = (state: Room, event: RoomRegistered): Room => (event.type === 'RoomRegistered' ? { registered: true } : state);

export const roomStream = (roomId: string): string => `room-${roomId}`;

/** Registering is idempotent: a room already there yields nothing. */
export const registerRoom = (roomId: string, state: Room): RoomRegistered[] =>
  state.registered ? [] : [{ type: 'RoomRegistered', data: { roomId } }];
