import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { compareIds } from '@libs/ids/entity-id';
import type { ServiceEvent } from '@model/pager/pager.events';
import { QueryParams } from '@adapter/edge/query-params';
import { ApiDocumentQuery, ENTITY_TOKEN_SCHEMA, type SchemaObject } from '@adapter/http/api-operations';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewRunner } from '@adapter/runtime/view.runner';
import type { ServiceStatusDocument } from './service-status.projection';
import { SERVICE_STATUS } from './service-status.slice';

/** Open incidents per page unless `?limit=` says otherwise, and at most. */
const PAGE = 200;
const MAX_PAGE = 1_000;

const TARGET: SchemaObject = { type: 'object', required: ['level', 'round', 'kind', 'address'], properties: { level: { type: 'integer' }, round: { type: 'integer' }, kind: { type: 'string', enum: ['email', 'sms'] }, address: { type: 'string' } } };
const SERVICE: SchemaObject = {
  type: 'object',
  required: ['serviceId', 'state', 'incident'],
  properties: {
    serviceId: ENTITY_TOKEN_SCHEMA,
    state: { type: 'string', enum: ['healthy', 'unhealthy'] },
    incident: {
      type: 'object',
      nullable: true,
      required: ['id', 'message', 'openedAt', 'level', 'round', 'acknowledged', 'exhausted', 'nextEscalationAt', 'notified', 'alerts'],
      properties: {
        id: { type: 'string' },
        message: { type: 'string' },
        openedAt: { type: 'string', format: 'date-time' },
        level: { type: 'integer', minimum: 1 },
        round: { type: 'integer', minimum: 0 },
        acknowledged: { type: 'boolean' },
        exhausted: { type: 'boolean' },
        nextEscalationAt: { type: 'string', format: 'date-time', nullable: true },
        notified: { type: 'array', items: TARGET },
        alerts: { type: 'integer', minimum: 1 },
      },
    },
  },
};
const OPEN_INCIDENTS: SchemaObject = {
  type: 'object',
  required: ['services'],
  properties: { services: { type: 'array', items: SERVICE }, next: { ...ENTITY_TOKEN_SCHEMA, description: 'There are more: ask again with `after` set to this' } },
};

@Controller('query')
export class ServiceStatusController {
  private readonly view: ViewRunner<ServiceEvent, ServiceStatusDocument>;

  constructor(views: BoardViews) {
    this.view = views.of(SERVICE_STATUS);
  }

  /** A service: healthy, or unhealthy with its incident's level, acknowledgement, next escalation and who was notified. */
  @Get('service/:serviceId')
  @ApiDocumentQuery('A service: healthy, or unhealthy with its open incident\'s escalation', SERVICE, { serviceId: ENTITY_TOKEN_SCHEMA }, [400, 404])
  async service(@Param('serviceId') serviceId: string): Promise<ServiceStatusDocument> {
    const params = new QueryParams();
    const id = params.entityId('serviceId', serviceId);
    params.check();
    return (await this.view.query(id, `the pager knows no service ${id}: set its escalation policy first`)).view;
  }

  /** Every unhealthy service, by id, a page at a time (`?limit=`, then `?after=` the last one). */
  @Get('open-incidents')
  @ApiDocumentQuery('The services with an open incident, by id', OPEN_INCIDENTS, {}, [400])
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: PAGE } })
  @ApiQuery({ name: 'after', required: false, schema: ENTITY_TOKEN_SCHEMA })
  async openIncidents(@Query('limit') limit?: string, @Query('after') after?: string): Promise<{ services: ServiceStatusDocument[]; next?: string }> {
    const params = new QueryParams();
    const size = params.limit(limit, PAGE, MAX_PAGE);
    const from = after === undefined ? undefined : params.entityId('after', after);
    params.check();
    const page = await this.view.list({ limit: size, after: from, order: compareIds, keep: ({ state }) => state === 'unhealthy' });
    return { services: page.documents.map(({ view }) => view), ...(page.next === undefined ? {} : { next: page.next }) };
  }
}
