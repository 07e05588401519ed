import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiView, DATE_SCHEMA, ENTITY_TOKEN_SCHEMA, viewAnswerSchema, type SchemaObject } from '@adapter/http/api-operations';
import { QueryParams } from '@adapter/http/query-params';
import type { ViewAnswer } from '@adapter/runtime/view.runner';
import type { CleanupSchedule } from './cleanup-schedule.projection';
import { CleanupScheduleView } from './cleanup-schedule.view';

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

@ApiTags('views')
@Controller('query')
export class CleanupScheduleHttp {
  constructor(private readonly view: CleanupScheduleView) {}

  /** The rooms to clean on a date and their teams; `?sequence=N` waits until the view includes stream sequence N. */
  @Get('cleanup-schedule/:date')
  @ApiView('The rooms to clean on a date, with their teams', viewAnswerSchema(SCHEDULE), { date: DATE_SCHEMA })
  async schedule(@Param('date') date: string, @Query('sequence') sequence?: string): Promise<ViewAnswer<CleanupSchedule>> {
    const params = new QueryParams();
    const query = { date: params.date('date', date), sequence: params.sequence(sequence) };
    params.check();
    return this.view.find(query.date, query.sequence);
  }
}
