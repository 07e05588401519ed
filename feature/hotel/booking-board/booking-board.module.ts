import { Module } from '@nestjs/common';
import { BookingBoardHttp } from './booking-board.http';
import { BookingBoardView } from './booking-board.view';

@Module({ controllers: [BookingBoardHttp], providers: [BookingBoardView] })
export class BookingBoardModule {}
