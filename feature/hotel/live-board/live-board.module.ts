import { Module } from '@nestjs/common';
import { LiveBoardHttp } from './live-board.http';

/** Serves the live board page; the page reads the views over `/live` and sends the commands over HTTP. */
@Module({ controllers: [LiveBoardHttp] })
export class LiveBoardModule {}
