import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { AT, INCIDENT_ID, SERVICE_ID } from './pager.fields';

/** The service is healthy again: its incident is over, and so is the escalation. */
export type ServiceRecovered = DomainEvent<'ServiceRecovered', { serviceId: string; incidentId: string; at: string }>;

export const SERVICE_RECOVERED = eventContract<ServiceRecovered>({
  type: 'ServiceRecovered',
  version: 1,
  description: "The service is healthy again: its incident is over, and so is the escalation.",
  fields: {
    serviceId: SERVICE_ID,
    incidentId: INCIDENT_ID,
    at: AT,
  },
  example: {"serviceId": "checkout", "incidentId": "1", "at": "2026-12-03T08:20:00.000Z"},
});
