import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery } from '@nestjs/swagger';
import { SliceHandlers } from '@libs/command/slice-handlers';
import { InvalidInput, NotFound } from '@libs/errors/domain-error';
import { isEntityId } from '@libs/ids/entity-id';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { QueryParams } from '@adapter/edge/query-params';
import { ApiProblems } from '@adapter/http/problem.responses';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewRunner } from '@adapter/runtime/view.runner';
import { reminderAnswer, REMINDER_ANSWER, type ReminderAnswer } from '../reminder.answer';
import type { ReminderLife, ReminderStatus } from '../reminder.lifecycle';
import { REMINDER_LIFE } from '../reminder.read';
import type { ReminderStatusDocument } from './reminder-status.projection';
import { REMINDER_STATUS } from './reminder-status.slice';

const STATUSES: readonly ReminderStatus[] = ['Active', 'Completed', 'Failed', 'Cancelled'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGE = 200;

@Controller('api/v1/reminders')
export class ReminderStatusController {
  private readonly view: ViewRunner<ReminderEvent, ReminderStatusDocument>;
  private readonly life: (reminderId: string) => Promise<ReminderLife>;

  constructor(views: BoardViews, slices: SliceHandlers) {
    this.view = views.of(REMINDER_STATUS);
    this.life = slices.read(REMINDER_LIFE);
  }

  /** One reminder, read from its own events (so a reminder just defined is found at once). */
  @Get(':id')
  @ApiOperation({ summary: 'A reminder: its status, and the seconds left while it is active' })
  @ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ schema: REMINDER_ANSWER })
  @ApiProblems([400, 404, 429, 503])
  async reminder(@Param('id') id: string): Promise<ReminderAnswer> {
    if (!UUID.test(id) || !isEntityId(id)) throw new InvalidInput('invalid query: id', [{ field: 'id', messages: ['id must be a reminder\'s UUID'] }]);
    const life = await this.life(id);
    if (!life.status) throw new NotFound(`there is no reminder ${id}`);
    return reminderAnswer(id, life);
  }

  /**
   * The reminders of a status from the `reminder-status` view, by id, a page at a time: `?status=Active&limit=100`,
   * then `&after=<the last id>`. Every call reads the whole view in one pass (a batch of documents per round trip),
   * so it costs in proportion to the reminders kept.
   */
  @Get()
  @ApiOperation({ summary: 'The reminders of a status, a page at a time' })
  @ApiQuery({ name: 'status', required: false, schema: { type: 'string', enum: [...STATUSES] } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 100 } })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ schema: { type: 'object', required: ['reminders'], properties: { reminders: { type: 'array', items: REMINDER_ANSWER }, next: { type: 'string', format: 'uuid' } } } })
  @ApiProblems([400, 429, 503])
  async reminders(@Query('status') status?: string, @Query('limit') limit?: string, @Query('after') after?: string): Promise<{ reminders: ReminderAnswer[]; next?: string }> {
    const params = new QueryParams();
    if (status !== undefined && !STATUSES.includes(status as ReminderStatus)) params.reject('status', `status must be one of ${STATUSES.join(', ')}`);
    const page = params.limit(limit, 100, MAX_PAGE);
    if (after !== undefined && !UUID.test(after)) params.reject('after', 'after must be a reminder\'s UUID');
    params.check();
    const found = await this.view.list({ after, limit: page, keep: (document) => status === undefined || document.status === status });
    const now = Date.now();
    const reminders = found.documents.map(({ key, view }) => reminderAnswer(key, view, now));
    return found.next === undefined ? { reminders } : { reminders, next: found.next };
  }
}
