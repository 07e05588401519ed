import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { compareIds } from '@libs/ids/entity-id';
import { QueryParams } from '@adapter/edge/query-params';
import { ApiView, ENTITY_TOKEN_SCHEMA, type SchemaObject } from '@adapter/http/api-operations';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewRunner } from '@adapter/runtime/view.runner';
import type { HotelEvent } from '@model/hotel/hotel.events';
import type { RoomListEntry } from './room-list.projection';
import { ROOM_LIST } from './room-list.slice';

/** Rooms per page unless `?limit=` says otherwise, and at most. */
const PAGE = 500;
const MAX_PAGE = 1_000;

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
    next: { ...ENTITY_TOKEN_SCHEMA, description: 'There are more rooms: ask again with `after` set to this' },
  },
};

@Controller('query')
export class RoomListController {
  private readonly view: ViewRunner<HotelEvent, RoomListEntry>;

  constructor(views: BoardViews) {
    this.view = views.of(ROOM_LIST);
  }

  /** The hotel's registered rooms, sorted by number, a page at a time (`?limit=`, then `?after=` the last room). */
  @Get('rooms')
  @ApiView('The hotel\'s registered rooms', ROOMS, {}, false)
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: PAGE } })
  @ApiQuery({ name: 'after', required: false, schema: ENTITY_TOKEN_SCHEMA })
  async rooms(@Query('limit') limit?: string, @Query('after') after?: string): Promise<{ rooms: RoomListEntry[]; next?: string }> {
    const params = new QueryParams();
    const size = params.limit(limit, PAGE, MAX_PAGE);
    const from = after === undefined ? undefined : params.entityId('after', after);
    params.check();
    const page = await this.view.list({ limit: size, after: from, order: compareIds });
    return { rooms: page.documents.map(({ view }) => view), ...(page.next === undefined ? {} : { next: page.next }) };
  }
}
