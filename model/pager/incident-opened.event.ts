import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { AT, INCIDENT_ID, MESSAGE, SERVICE_ID } from './pager.fields';

/** A healthy service raised an alert and became unhealthy: an incident is open. */
export type IncidentOpened = DomainEvent<'IncidentOpened', { serviceId: string; incidentId: string; message: string; openedAt: string }>;

export const INCIDENT_OPENED = eventContract<IncidentOpened>({
  type: 'IncidentOpened',
  version: 1,
  description: "A healthy service raised an alert and became unhealthy: an incident is open.",
  fields: {
    serviceId: SERVICE_ID,
    incidentId: INCIDENT_ID,
    message: MESSAGE,
    openedAt: AT,
  },
  example: {"serviceId": "checkout", "incidentId": "1", "message": "checkout answers 500", "openedAt": "2026-12-03T08:00:00.000Z"},
});
