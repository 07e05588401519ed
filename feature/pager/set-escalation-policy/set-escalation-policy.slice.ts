import type { StateChangeSlice } from '@libs/event-model/board';
import type { ServiceEvent } from '@model/pager/pager.events';
import { PAGER_STREAM, serviceSubject } from '@stream/pager.stream';
import { commandTriggers } from '../pager.triggers';
import type { Service } from '../service.state';
import { setEscalationPolicy, type SetEscalationPolicy } from './set-escalation-policy.decider';

/** Someone says who is woken up, in which order, when a service fails. */
export const SET_ESCALATION_POLICY: StateChangeSlice<SetEscalationPolicy, Service, ServiceEvent> = {
  kind: 'state-change',
  name: 'set-escalation-policy',
  title: 'Set the service\'s escalation policy',
  actor: 'Service owner',
  triggers: commandTriggers('set-escalation-policy'),
  command: { name: 'SetEscalationPolicy', fields: ['serviceId', 'ackTimeoutSeconds', 'repeat', 'levels', 'targets'] },
  stream: PAGER_STREAM,
  events: ['EscalationPolicySet'],
  decider: setEscalationPolicy,
  entity: ({ data }) => serviceSubject(data.serviceId),
  rules: ['a policy is set with its levels, targets, timeout and repeats', 'the same policy again changes nothing', 'another policy replaces it'],
};
