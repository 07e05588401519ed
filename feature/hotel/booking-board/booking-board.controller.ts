import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiView, DATE_SCHEMA, ENTITY_TOKEN_SCHEMA, viewAnswerSchema, type SchemaObject } from '@adapter/http/api-operations';
import { QueryParams } from '@adapter/edge/query-params';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewAnswer, ViewRunner } from '@adapter/runtime/view.runner';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { bookingBoardKey, type BookingBoard } from './booking-board.projection';
import { BOOKING_BOARD } from './booking-board.slice';

/** The OpenAPI schema of a `BookingBoard` document. */
const BOOKING: SchemaObject = {
  type: 'object',
  required: ['roomId', 'date', 'clientId', 'availability', 'lastChange'],
  properties: {
    roomId: ENTITY_TOKEN_SCHEMA,
    date: DATE_SCHEMA,
    clientId: ENTITY_TOKEN_SCHEMA,
    availability: { type: 'string', enum: ['booked', 'available', 'occupied'] },
    lastChange: {
      type: 'object',
      description: 'The event that last changed the document',
      required: ['event', 'at', 'sequence'],
      properties: { event: { type: 'string', example: 'RoomBooked' }, at: { type: 'string', format: 'date-time' }, sequence: { type: 'integer' } },
    },
  },
};

@Controller('query')
export class BookingBoardController {
  private readonly view: ViewRunner<HotelEvent, BookingBoard>;

  constructor(views: BoardViews) {
    this.view = views.of(BOOKING_BOARD);
  }

  /** Availability of a room on a date; `?sequence=N` waits until the view includes stream sequence N. */
  @Get('booking/:roomId/:date')
  @ApiView('Availability of a room on a date', viewAnswerSchema(BOOKING), { roomId: ENTITY_TOKEN_SCHEMA, date: DATE_SCHEMA })
  async booking(
    @Param('roomId') roomId: string,
    @Param('date') date: string,
    @Query('sequence') sequence?: string,
  ): Promise<ViewAnswer<BookingBoard>> {
    const params = new QueryParams();
    const query = { roomId: params.entityId('roomId', roomId), date: params.date('date', date), sequence: params.sequence(sequence) };
    params.check();
    return this.view.query(bookingBoardKey(query.roomId, query.date), `room ${query.roomId} has no booking on ${query.date}`, query.sequence);
  }
}
