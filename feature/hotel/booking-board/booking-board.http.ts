import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryParams } from '@adapter/http/query-params';
import type { ViewAnswer } from '@adapter/runtime/view.runner';
import type { BookingBoard } from './booking-board.projection';
import { BookingBoardView } from './booking-board.view';

@Controller('query')
export class BookingBoardHttp {
  constructor(private readonly view: BookingBoardView) {}

  /** Availability of a room on a date; `?sequence=N` waits until the view includes stream sequence N. */
  @Get('booking/:roomId/:date')
  async booking(
    @Param('roomId') roomId: string,
    @Param('date') date: string,
    @Query('sequence') sequence?: string,
  ): Promise<ViewAnswer<BookingBoard>> {
    const params = new QueryParams();
    const query = { roomId: params.entityId('roomId', roomId), date: params.date('date', date), sequence: params.sequence(sequence) };
    params.check();
    return this.view.find(query.roomId, query.date, query.sequence);
  }
}
