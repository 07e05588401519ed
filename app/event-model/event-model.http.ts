import { Controller, Get, Header, Inject, Module, Param } from '@nestjs/common';
import { NotFound } from '@libs/errors/domain-error';
import type { Board } from '@libs/event-model/board';
import { boardIndexPage, boardPage } from '@libs/event-model/board-svg';
import { OpenPage } from '@adapter/http/route-access';
import { APP_BOARDS } from '@adapter/runtime/boards.token';

/** The app's Event Models, drawn from the slices' declarations: the same pages `npm run model` writes. */
@Controller('model')
export class EventModelHttp {
  private readonly index: string;
  private readonly pages: ReadonlyMap<string, string>;

  constructor(@Inject(APP_BOARDS) boards: readonly Board[]) {
    this.index = boardIndexPage(boards);
    this.pages = new Map(boards.map((board) => [`${board.name}.html`, boardPage(board)]));
  }

  /** Every board, linking to its page. */
  @Get()
  @OpenPage()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  boards(): string {
    return this.index;
  }

  /** One board's page: `/model/hotel.html`. */
  @Get(':page')
  @OpenPage()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  board(@Param('page') page: string): string {
    const found = this.pages.get(page);
    if (found === undefined) throw new NotFound(`no board has the page ${page}: see /model for every board`);
    return found;
  }
}

@Module({ controllers: [EventModelHttp] })
export class EventModelModule {}
