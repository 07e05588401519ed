import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { AT, INCIDENT_ID, SERVICE_ID } from './pager.fields';

/** Someone took the incident on: the escalation stops. */
export type AlertAcknowledged = DomainEvent<'AlertAcknowledged', { serviceId: string; incidentId: string; at: string }>;

export const ALERT_ACKNOWLEDGED = eventContract<AlertAcknowledged>({
  type: 'AlertAcknowledged',
  version: 1,
  description: "Someone took the incident on: the escalation stops.",
  fields: {
    serviceId: SERVICE_ID,
    incidentId: INCIDENT_ID,
    at: AT,
  },
  example: {"serviceId": "checkout", "incidentId": "1", "at": "2026-12-03T08:05:00.000Z"},
});
