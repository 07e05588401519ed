import type { StateViewSlice } from '@libs/event-model/board';
import type { ServiceEvent } from '@model/pager/pager.events';
import { PAGER_STREAM, serviceSubjectFilter } from '@stream/pager.stream';
import { serviceStatus, type ServiceStatusDocument } from './service-status.projection';

/** Every service, healthy or with its open incident's escalation: what the on-call console shows, live. */
export const SERVICE_STATUS: StateViewSlice<ServiceEvent, ServiceStatusDocument> = {
  kind: 'state-view',
  name: 'service-status',
  title: 'The services and their open incidents',
  view: { name: 'service-status', fields: ['serviceId', 'state', 'incident'] },
  stream: PAGER_STREAM,
  subjects: serviceSubjectFilter(),
  events: ['EscalationPolicySet', 'IncidentOpened', 'AlertRecorded', 'LevelNotified', 'AcknowledgementTimedOut', 'AlertAcknowledged', 'EscalationExhausted', 'ServiceRecovered'],
  queries: [
    { kind: 'http', method: 'GET', path: '/query/service/:serviceId' },
    { kind: 'http', method: 'GET', path: '/query/open-incidents' },
  ],
  shownTo: ['On-call engineer'],
  projection: serviceStatus,
  rules: [
    'a service with a policy is healthy',
    'an alert on a healthy service opens an incident: the service is unhealthy',
    'each level notified shows its targets, and when the next level is due',
    'alerts during the incident are counted',
    'an acknowledged or exhausted incident has no next escalation',
    'a recovered service is healthy, without incident',
  ],
};
