import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryParams } from '@adapter/http/query-params';
import type { ViewAnswer } from '@adapter/runtime/view.runner';
import type { CleanupSchedule } from './cleanup-schedule.projection';
import { CleanupScheduleView } from './cleanup-schedule.view';

@Controller('query')
export class CleanupScheduleHttp {
  constructor(private readonly view: CleanupScheduleView) {}

  /** The rooms to clean on a date and their teams; `?sequence=N` waits until the view includes stream sequence N. */
  @Get('cleanup-schedule/:date')
  async schedule(@Param('date') date: string, @Query('sequence') sequence?: string): Promise<ViewAnswer<CleanupSchedule>> {
    const params = new QueryParams();
    const query = { date: params.date('date', date), sequence: params.sequence(sequence) };
    params.check();
    return this.view.find(query.date, query.sequence);
  }
}
