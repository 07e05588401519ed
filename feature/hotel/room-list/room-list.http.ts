import { Controller, Get } from '@nestjs/common';
import type { RoomListEntry } from './room-list.projection';
import { RoomListView } from './room-list.view';

@Controller('query')
export class RoomListHttp {
  constructor(private readonly view: RoomListView) {}

  /** The hotel's registered rooms, sorted by number. */
  @Get('rooms')
  async rooms(): Promise<{ rooms: RoomListEntry[] }> {
    return { rooms: await this.view.all() };
  }
}
