import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiView, DATE_SCHEMA, ENTITY_TOKEN_SCHEMA, viewAnswerSchema, type SchemaObject } from '@adapter/http/api-operations';
import { QueryParams } from '@adapter/edge/query-params';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewAnswer, ViewRunner } from '@adapter/runtime/view.runner';
import type { HotelEvent } from '@model/hotel/hotel.events';
import type { CleanupSchedule } from './cleanup-schedule.projection';
import { CLEANUP_SCHEDULE } from './cleanup-schedule.slice';

/** The OpenAPI schema of a `CleanupSchedule` document. */
const SCHEDULE: SchemaObject = {
  type: 'object',
  required: ['date', 'rooms'],
  properties: {
    date: DATE_SCHEMA,
    rooms: {
      type: 'array',
      description: 'Sorted by room number',
      items: {
        type: 'object',
        required: ['roomId', 'team', 'status'],
        properties: { roomId: ENTITY_TOKEN_SCHEMA, team: { type: 'string', example: 'orange' }, status: { type: 'string', enum: ['scheduled', 'cleaned'] } },
      },
    },
  },
};

@Controller('query')
export class CleanupScheduleController {
  private readonly view: ViewRunner<HotelEvent, CleanupSchedule>;

  constructor(views: BoardViews) {
    this.view = views.of(CLEANUP_SCHEDULE);
  }

  /** The rooms to clean on a date and their teams; `?sequence=N` waits until the view includes stream sequence N. */
  @Get('cleanup-schedule/:date')
  @ApiView('The rooms to clean on a date, with their teams', viewAnswerSchema(SCHEDULE), { date: DATE_SCHEMA })
  async schedule(@Param('date') date: string, @Query('sequence') sequence?: string): Promise<ViewAnswer<CleanupSchedule>> {
    const params = new QueryParams();
    const query = { date: params.date('date', date), sequence: params.sequence(sequence) };
    params.check();
    return this.view.query(query.date, `no cleaning is scheduled on ${query.date}`, query.sequence);
  }
}
