import type { TimerSlice } from '@libs/event-model/board';
import type { ServiceEvent } from '@model/pager/pager.events';
import { PAGER_STREAM, serviceSubject, serviceSubjectFilter } from '@stream/pager.stream';
import type { Service } from '../service.state';
import { escalate, type TimeOutAcknowledgement } from './escalate.decider';
import { acknowledgementTimers } from './escalate.timers';

/** The clock: a level that does not acknowledge in time hands the incident to the next one. */
export const ESCALATE: TimerSlice<ServiceEvent, TimeOutAcknowledgement, Service> = {
  kind: 'timer',
  name: 'escalate',
  title: 'Nobody acknowledged in time: the next level is notified',
  actor: 'Clock',
  subjects: serviceSubjectFilter(),
  reactsTo: ['LevelNotified', 'EscalationExhausted', 'AlertAcknowledged', 'ServiceRecovered'],
  command: { name: 'TimeOutAcknowledgement', fields: ['serviceId', 'incidentId', 'level', 'round', 'at'] },
  stream: PAGER_STREAM,
  events: ['AcknowledgementTimedOut', 'LevelNotified', 'EscalationExhausted'],
  timers: acknowledgementTimers,
  decider: escalate,
  entity: ({ data }) => serviceSubject(data.serviceId),
  rules: [
    'Given an unhealthy service whose alert is not acknowledged and whose last level is not notified, when the acknowledgement times out, then the next level is notified and the acknowledgement timer starts again',
    'Given an unhealthy service, when the alert is acknowledged and later the acknowledgement times out, then nobody is notified and no timer starts',
    'Given an unhealthy service, when it becomes healthy and later the acknowledgement times out, then it is healthy, nobody is notified and no timer starts',
    'a timeout from an earlier incident or level changes nothing',
    'past the last level the policy runs again while it has rounds left, then the escalation is exhausted',
    'a level notified starts the timer at its deadline; an acknowledgement, a recovery or an exhausted escalation stops it',
  ],
};
