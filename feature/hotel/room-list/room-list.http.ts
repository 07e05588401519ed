import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiView, ENTITY_TOKEN_SCHEMA, type SchemaObject } from '@adapter/http/api-operations';
import type { RoomListEntry } from './room-list.projection';
import { RoomListView } from './room-list.view';

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

@ApiTags('views')
@Controller('query')
export class RoomListHttp {
  constructor(private readonly view: RoomListView) {}

  /** The hotel's registered rooms, sorted by number. */
  @Get('rooms')
  @ApiView('The hotel\'s registered rooms', ROOMS, {}, false)
  async rooms(): Promise<{ rooms: RoomListEntry[] }> {
    return { rooms: await this.view.all() };
  }
}
