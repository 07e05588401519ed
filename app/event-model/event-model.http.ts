import { Controller, Get, Header, Module } from '@nestjs/common';
import { boardPage } from '@libs/event-model/board-svg';
import { BOARDS } from './boards';

/** The Event Model board, drawn from the slices' declarations: the same page `npm run model` writes. */
@Controller()
export class EventModelHttp {
  private readonly page = boardPage(BOARDS);

  @Get('model')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  model(): string {
    return this.page;
  }
}

@Module({ controllers: [EventModelHttp] })
export class EventModelModule {}
