import { Module } from '@nestjs/common';
import { RoomListHttp } from './room-list.http';
import { RoomListView } from './room-list.view';

@Module({ controllers: [RoomListHttp], providers: [RoomListView] })
export class RoomListModule {}
