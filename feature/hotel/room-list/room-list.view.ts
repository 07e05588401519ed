import { Inject, Injectable } from '@nestjs/common';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { NatsClient } from '@adapter/nats/nats.client';
import { APP_CONFIG } from '@adapter/runtime/app-config.token';
import type { AppConfig } from '@adapter/runtime/app.config';
import { Consumers } from '@adapter/runtime/consumers';
import { ViewRunner } from '@adapter/runtime/view.runner';
import { byRoomId, roomList, type RoomListEntry } from './room-list.projection';
import { ROOM_LIST } from './room-list.slice';

/** Keeps the `view-room-list` bucket up to date from the room registry, and reads it. */
@Injectable()
export class RoomListView extends ViewRunner<HotelEvent, RoomListEntry> {
  constructor(nats: NatsClient, @Inject(APP_CONFIG) config: AppConfig, consumers: Consumers) {
    super(nats, config, consumers, { stream: HOTEL_STREAM, filterSubject: ROOM_LIST.subjects, projection: roomList });
  }

  /** Every room of the view, by number. A hotel has tens or hundreds of rooms, so reading each key is cheap enough. */
  async all(): Promise<RoomListEntry[]> {
    const rooms: RoomListEntry[] = [];
    for await (const key of await this.projector.view.keys()) {
      const entry = await this.projector.read(key);
      if (entry) rooms.push(entry.view);
    }
    return rooms.sort(byRoomId);
  }
}
