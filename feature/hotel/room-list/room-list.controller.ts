import { Controller, Get } from '@nestjs/common';
import { ApiView, ENTITY_TOKEN_SCHEMA, type SchemaObject } from '@adapter/http/api-operations';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewRunner } from '@adapter/runtime/view.runner';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { byRoomId, type RoomListEntry } from './room-list.projection';
import { ROOM_LIST } from './room-list.slice';

/** The OpenAPI schema of the room list's answer. */
const ROOMS: SchemaObject = {
  type: 'object',
  required: ['rooms'],
  properties: {
    rooms: {
      type: 'array',
      description: 'Sorted by room number',
      items: { type: 'object', required: ['roomId', 'name'], properties: { roomId: ENTITY_TOKEN_SCHEMA, name: { type: 'string', example: 'Room 1' } } },
    },
  },
};

@Controller('query')
export class RoomListController {
  private readonly view: ViewRunner<HotelEvent, RoomListEntry>;

  constructor(views: BoardViews) {
    this.view = views.of(ROOM_LIST);
  }

  /** The hotel's registered rooms, sorted by number. */
  @Get('rooms')
  @ApiView('The hotel\'s registered rooms', ROOMS, {}, false)
  async rooms(): Promise<{ rooms: RoomListEntry[] }> {
    const rooms: RoomListEntry[] = [];
    const { projector } = this.view;
    for await (const key of await projector.view.keys()) {
      const entry = await projector.read(key);
      if (entry) rooms.push(entry.view);
    }
    return { rooms: rooms.sort(byRoomId) };
  }
}
