import type { Command, Decider } from '@libs/decider/decider';
import type { ServiceEvent, ServiceRecovered } from '@model/pager/pager.events';
import { newService, serviceEvolved, type Service } from '../service.state';

/** A service is healthy again, at a time. */
export type MarkServiceHealthy = Command<'MarkServiceHealthy', { serviceId: string; at: string }>;

/** A healthy service ends its incident, and so its escalation; a service healthy already stays as it is. */
export const markServiceHealthy: Decider<MarkServiceHealthy, Service, ServiceEvent> = {
  initialState: newService,
  evolve: serviceEvolved,
  decide: ({ data }, { incident }): ServiceRecovered[] => (incident ? [{ type: 'ServiceRecovered', data: { serviceId: data.serviceId, incidentId: incident.incidentId, at: data.at } }] : []),
};
