import { Controller, Get, Param } from '@nestjs/common';
import type { ServiceEvent } from '@model/pager/pager.events';
import { QueryParams } from '@adapter/edge/query-params';
import { ApiDocumentQuery, ENTITY_TOKEN_SCHEMA, type SchemaObject } from '@adapter/http/api-operations';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewRunner } from '@adapter/runtime/view.runner';
import { timelineKey, type IncidentTimelineDocument } from './incident-timeline.projection';
import { INCIDENT_TIMELINE } from './incident-timeline.slice';

const TIMELINE: SchemaObject = {
  type: 'object',
  required: ['serviceId', 'incidentId', 'entries'],
  properties: {
    serviceId: ENTITY_TOKEN_SCHEMA,
    incidentId: ENTITY_TOKEN_SCHEMA,
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'what'],
        properties: {
          at: { type: 'string', format: 'date-time' },
          what: { type: 'string', enum: ['alert', 'notified', 'timed-out', 'acknowledged', 'recovered', 'exhausted'] },
          message: { type: 'string' },
          level: { type: 'integer' },
          round: { type: 'integer' },
          targets: { type: 'array', items: { type: 'string', description: '`email:<address>` or `sms:<number>`' } },
        },
      },
    },
  },
};

@Controller('query')
export class IncidentTimelineController {
  private readonly view: ViewRunner<ServiceEvent, IncidentTimelineDocument>;

  constructor(views: BoardViews) {
    this.view = views.of(INCIDENT_TIMELINE);
  }

  /** An incident's story: its alerts, the levels notified, the timeouts, its acknowledgement and recovery, in order. */
  @Get('incident/:serviceId/:incidentId')
  @ApiDocumentQuery('An incident\'s timeline', TIMELINE, { serviceId: ENTITY_TOKEN_SCHEMA, incidentId: ENTITY_TOKEN_SCHEMA }, [400, 404])
  async timeline(@Param('serviceId') serviceId: string, @Param('incidentId') incidentId: string): Promise<IncidentTimelineDocument> {
    const params = new QueryParams();
    const service = params.entityId('serviceId', serviceId);
    const incident = params.entityId('incidentId', incidentId);
    params.check();
    return (await this.view.query(timelineKey(service, incident), `service ${service} has no incident ${incident}`)).view;
  }
}
