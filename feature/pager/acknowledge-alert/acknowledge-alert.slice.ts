import type { StateChangeSlice } from '@libs/event-model/board';
import type { ServiceEvent } from '@model/pager/pager.events';
import { PAGER_STREAM, serviceSubject } from '@stream/pager.stream';
import { commandTriggers } from '../pager.triggers';
import type { Service } from '../service.state';
import { acknowledgeAlert, type AcknowledgeAlert } from './acknowledge-alert.decider';

/** An on-call engineer takes the incident on: nobody else is woken up for it. */
export const ACKNOWLEDGE_ALERT: StateChangeSlice<AcknowledgeAlert, Service, ServiceEvent> = {
  kind: 'state-change',
  name: 'acknowledge-alert',
  title: 'Acknowledge the alert',
  actor: 'On-call engineer',
  triggers: commandTriggers('acknowledge-alert'),
  command: { name: 'AcknowledgeAlert', fields: ['serviceId'] },
  stream: PAGER_STREAM,
  events: ['AlertAcknowledged'],
  decider: acknowledgeAlert,
  entity: ({ data }) => serviceSubject(data.serviceId),
  rules: ['an open incident is acknowledged once', 'a healthy service has no incident to acknowledge'],
};
