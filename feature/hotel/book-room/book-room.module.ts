import { Module } from '@nestjs/common';
import { BookRoomHandler } from './book-room.handler';
import { BookRoomHttp } from './book-room.http';
import { BookRoomNats } from './book-room.nats';

@Module({ controllers: [BookRoomHttp], providers: [BookRoomHandler, BookRoomNats] })
export class BookRoomModule {}
