import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { AT, INCIDENT_ID, LEVEL, ROUND, SERVICE_ID } from './pager.fields';

/** A level did not acknowledge the incident in time. */
export type AcknowledgementTimedOut = DomainEvent<'AcknowledgementTimedOut', { serviceId: string; incidentId: string; level: number; round: number; at: string }>;

export const ACKNOWLEDGEMENT_TIMED_OUT = eventContract<AcknowledgementTimedOut>({
  type: 'AcknowledgementTimedOut',
  version: 1,
  description: "A level did not acknowledge the incident in time.",
  fields: {
    serviceId: SERVICE_ID,
    incidentId: INCIDENT_ID,
    level: LEVEL,
    round: ROUND,
    at: AT,
  },
  example: {"serviceId": "checkout", "incidentId": "1", "level": 1, "round": 0, "at": "2026-12-03T08:15:00.000Z"},
});
