import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { AlertRecorded, IncidentOpened, LevelNotified, ServiceEvent } from '@model/pager/pager.events';
import { deadlineAfter, newService, serviceEvolved, targetsOf, type Service } from '../service.state';

/** A monitored service raises an alert, at a time. */
export type RaiseAlert = Command<'RaiseAlert', { serviceId: string; message: string; at: string }>;

export class PolicyMustExist extends RuleViolation {
  constructor(serviceId: string) {
    super('policy-must-exist', `service ${serviceId} has no escalation policy: set one first (PUT /mutation/set-escalation-policy)`, { serviceId });
  }
}

/**
 * A healthy service that raises an alert becomes unhealthy: an incident opens, level 1 is notified and has the
 * policy's acknowledgement timeout to answer. An unhealthy service's alert is recorded on its incident and notifies
 * nobody, however many arrive at once (they are decided one after another on the service).
 */
export const raiseAlert: Decider<RaiseAlert, Service, ServiceEvent> = {
  initialState: newService,
  evolve: serviceEvolved,
  decide: ({ data }, service): (IncidentOpened | LevelNotified | AlertRecorded)[] => {
    const { serviceId, message, at } = data;
    if (service.incident) return [{ type: 'AlertRecorded', data: { serviceId, incidentId: service.incident.incidentId, message, at } }];
    if (!service.policy) throw new PolicyMustExist(serviceId);
    const incidentId = String(service.incidents + 1);
    return [
      { type: 'IncidentOpened', data: { serviceId, incidentId, message, openedAt: at } },
      {
        type: 'LevelNotified',
        data: { serviceId, incidentId, level: 1, round: 0, targets: targetsOf(service.policy, 1), message, ackDeadline: deadlineAfter(at, service.policy.ackTimeoutSeconds) },
      },
    ];
  },
};
