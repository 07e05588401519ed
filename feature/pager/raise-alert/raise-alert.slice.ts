import type { StateChangeSlice } from '@libs/event-model/board';
import type { ServiceEvent } from '@model/pager/pager.events';
import { PAGER_STREAM, serviceSubject } from '@stream/pager.stream';
import { commandTriggers } from '../pager.triggers';
import type { Service } from '../service.state';
import { raiseAlert, type RaiseAlert } from './raise-alert.decider';

/** A monitored service raises an alert: the pager opens an incident and wakes its first level, once. */
export const RAISE_ALERT: StateChangeSlice<RaiseAlert, Service, ServiceEvent> = {
  kind: 'state-change',
  name: 'raise-alert',
  title: 'The service raises an alert',
  actor: 'Monitored service',
  triggers: commandTriggers('raise-alert'),
  command: { name: 'RaiseAlert', fields: ['serviceId', 'message'] },
  stream: PAGER_STREAM,
  events: ['IncidentOpened', 'LevelNotified', 'AlertRecorded'],
  decider: raiseAlert,
  entity: ({ data }) => serviceSubject(data.serviceId),
  rules: [
    'Given a healthy service, when an alert arrives, then it becomes unhealthy, level 1 is notified and the acknowledgement timer starts',
    'Given an unhealthy service, when another alert arrives, then nobody is notified and no timer starts',
    'a service without a policy cannot raise an alert',
    'an alert after a recovery opens the next incident',
    'twenty alerts decided one after another notify level 1 once',
  ],
};
