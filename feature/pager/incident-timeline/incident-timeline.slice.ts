import type { StateViewSlice } from '@libs/event-model/board';
import type { ServiceEvent } from '@model/pager/pager.events';
import { PAGER_STREAM, serviceSubjectFilter } from '@stream/pager.stream';
import { incidentTimeline, type IncidentTimelineDocument } from './incident-timeline.projection';

/** Each incident's story, for whoever looks back at it. */
export const INCIDENT_TIMELINE: StateViewSlice<ServiceEvent, IncidentTimelineDocument> = {
  kind: 'state-view',
  name: 'incident-timeline',
  title: 'The incident\'s timeline',
  view: { name: 'incident-timeline', fields: ['serviceId', 'incidentId', 'entries'] },
  stream: PAGER_STREAM,
  subjects: serviceSubjectFilter(),
  events: ['IncidentOpened', 'AlertRecorded', 'LevelNotified', 'AcknowledgementTimedOut', 'EscalationExhausted', 'AlertAcknowledged', 'ServiceRecovered'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/incident/:serviceId/:incidentId' }],
  shownTo: ['On-call engineer'],
  projection: incidentTimeline,
  rules: ['an incident\'s alerts, levels notified, timeouts, acknowledgement and recovery are told in order', 'each incident has its own timeline'],
};
