import type { StateChangeSlice } from '@libs/event-model/board';
import type { ServiceEvent } from '@model/pager/pager.events';
import { PAGER_STREAM, serviceSubject } from '@stream/pager.stream';
import { commandTriggers } from '../pager.triggers';
import type { Service } from '../service.state';
import { markServiceHealthy, type MarkServiceHealthy } from './mark-service-healthy.decider';

/** The service is healthy again: its incident and escalation end. */
export const MARK_SERVICE_HEALTHY: StateChangeSlice<MarkServiceHealthy, Service, ServiceEvent> = {
  kind: 'state-change',
  name: 'mark-service-healthy',
  title: 'The service is healthy again',
  actor: 'Monitored service',
  triggers: commandTriggers('mark-service-healthy'),
  command: { name: 'MarkServiceHealthy', fields: ['serviceId'] },
  stream: PAGER_STREAM,
  events: ['ServiceRecovered'],
  decider: markServiceHealthy,
  entity: ({ data }) => serviceSubject(data.serviceId),
  rules: ['an unhealthy service recovers, which ends its incident, acknowledged or not', 'a healthy service stays as it is'],
};
