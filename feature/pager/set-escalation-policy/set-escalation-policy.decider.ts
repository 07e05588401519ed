import type { Command, Decider } from '@libs/decider/decider';
import type { EscalationPolicySet, ServiceEvent } from '@model/pager/pager.events';
import { newService, serviceEvolved, type Service } from '../service.state';

/** Set who is notified at each level of a service's escalation, how long a level has to acknowledge, and how often it all runs again. */
export type SetEscalationPolicy = Command<'SetEscalationPolicy', EscalationPolicySet['data']>;

const samePolicy = (service: Service, data: EscalationPolicySet['data']): boolean =>
  service.policy !== undefined && JSON.stringify({ ...service.policy }) === JSON.stringify({ ackTimeoutSeconds: data.ackTimeoutSeconds, repeat: data.repeat, levels: data.levels, targets: data.targets });

/** A policy replaces the last one (an open incident escalates by it from its next level on); the same policy again changes nothing. */
export const setEscalationPolicy: Decider<SetEscalationPolicy, Service, ServiceEvent> = {
  initialState: newService,
  evolve: serviceEvolved,
  decide: ({ data }, service): EscalationPolicySet[] => (samePolicy(service, data) ? [] : [{ type: 'EscalationPolicySet', data }]),
};
