import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { AT, INCIDENT_ID, MESSAGE, SERVICE_ID } from './pager.fields';

/** An unhealthy service raised another alert: it is recorded on the open incident, and notifies nobody. */
export type AlertRecorded = DomainEvent<'AlertRecorded', { serviceId: string; incidentId: string; message: string; at: string }>;

export const ALERT_RECORDED = eventContract<AlertRecorded>({
  type: 'AlertRecorded',
  version: 1,
  description: "An unhealthy service raised another alert: it is recorded on the open incident, and notifies nobody.",
  fields: {
    serviceId: SERVICE_ID,
    incidentId: INCIDENT_ID,
    message: MESSAGE,
    at: AT,
  },
  example: {"serviceId": "checkout", "incidentId": "1", "message": "checkout still answers 500", "at": "2026-12-03T08:00:05.000Z"},
});
