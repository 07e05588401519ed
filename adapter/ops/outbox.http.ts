import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { OUTBOX_CHANNELS, type OutboxChannel } from '@stream/outbox.stream';
import { InvalidInput } from '@libs/errors/domain-error';
import { QueryParams } from '@adapter/edge/query-params';
import { ApiProblems } from '@adapter/http/problem.responses';
import { Outbox, type OutboxMessage } from '@adapter/effects/outbox';

/** Deliveries per answer unless `?limit=` says otherwise, and at most. */
const PAGE = 50;
const MAX_PAGE = 500;

/** `?channel=`: one of the outbox's channels, or none for all of them. */
export const outboxChannel = (channel: string | undefined): OutboxChannel | undefined => {
  if (channel === undefined || OUTBOX_CHANNELS.includes(channel as OutboxChannel)) return channel as OutboxChannel | undefined;
  throw new InvalidInput('invalid query: channel', [{ field: 'channel', messages: [`channel must be one of ${OUTBOX_CHANNELS.join(', ')}`] }]);
};

/** What the local outbox holds: every email, Slack message and text message the app delivered there, newest first. */
@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(@Inject(Outbox) private readonly outbox: Outbox) {}

  @Get()
  @ApiOperation({ summary: 'The last messages the app delivered to its local outbox (no SMTP server, Slack webhook or SMS gateway configured), newest first' })
  @ApiQuery({ name: 'channel', required: false, schema: { type: 'string', enum: [...OUTBOX_CHANNELS] } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: PAGE } })
  @ApiOkResponse({ schema: { type: 'object', required: ['messages'], properties: { messages: { type: 'array', items: { type: 'object', required: ['channel', 'key', 'payload', 'deliveredAt', 'attempt', 'correlationId'] } } } } })
  @ApiProblems([400, 429, 503])
  async messages(@Query('channel') channel?: string, @Query('limit') limit?: string): Promise<{ messages: OutboxMessage[] }> {
    const params = new QueryParams();
    const size = params.limit(limit, PAGE, MAX_PAGE);
    params.check();
    return { messages: await this.outbox.recent(size, outboxChannel(channel)) };
  }
}
