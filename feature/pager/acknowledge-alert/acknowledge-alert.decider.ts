import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { AlertAcknowledged, ServiceEvent } from '@model/pager/pager.events';
import { newService, serviceEvolved, type Service } from '../service.state';

/** Someone takes a service's incident on, at a time. */
export type AcknowledgeAlert = Command<'AcknowledgeAlert', { serviceId: string; at: string }>;

export class NoOpenIncident extends RuleViolation {
  constructor(serviceId: string) {
    super('no-open-incident', `service ${serviceId} is healthy: there is no incident to acknowledge`, { serviceId });
  }
}

/** An open incident is acknowledged once, which stops its escalation; a healthy service has nothing to acknowledge. */
export const acknowledgeAlert: Decider<AcknowledgeAlert, Service, ServiceEvent> = {
  initialState: newService,
  evolve: serviceEvolved,
  decide: ({ data }, { incident }): AlertAcknowledged[] => {
    if (!incident) throw new NoOpenIncident(data.serviceId);
    return incident.acknowledged ? [] : [{ type: 'AlertAcknowledged', data: { serviceId: data.serviceId, incidentId: incident.incidentId, at: data.at } }];
  },
};
