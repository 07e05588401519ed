import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiView, DATE_SCHEMA, ENTITY_TOKEN_SCHEMA, viewAnswerSchema, type SchemaObject } from '@adapter/http/api-operations';
import { QueryParams } from '@adapter/http/query-params';
import type { ViewAnswer } from '@adapter/runtime/view.runner';
import type { BookingBoard } from './booking-board.projection';
import { BookingBoardView } from './booking-board.view';

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

@ApiTags('views')
@Controller('query')
export class BookingBoardHttp {
  constructor(private readonly view: BookingBoardView) {}

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
    return this.view.find(query.roomId, query.date, query.sequence);
  }
}
