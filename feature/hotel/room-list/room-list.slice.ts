import type { StateViewSlice } from '@libs/event-model/board';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { HOTEL_STREAM, roomSubjectFilter } from '@stream/hotel.stream';
import { roomList, type RoomListEntry } from './room-list.projection';

/** The rooms of the hotel, for the guest choosing one. */
export const ROOM_LIST: StateViewSlice<HotelEvent, RoomListEntry> = {
  kind: 'state-view',
  name: 'room-list',
  title: 'Rooms of the hotel',
  view: { name: 'room-list', fields: ['roomId', 'name'] },
  stream: HOTEL_STREAM,
  subjects: roomSubjectFilter(),
  events: ['RoomRegistered'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/rooms' }],
  projection: roomList,
  shownTo: ['Guest'],
  rules: ['a registered room is listed, with its name', 'each room has its own entry', 'bookings and cleanings list no room', 'rooms sort by number, not by text'],
};
