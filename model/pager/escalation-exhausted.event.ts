import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { AT, INCIDENT_ID, SERVICE_ID } from './pager.fields';

/** Every level of the policy was notified, as many rounds as it says, and nobody acknowledged: the incident stays open, notifying nobody more. */
export type EscalationExhausted = DomainEvent<'EscalationExhausted', { serviceId: string; incidentId: string; at: string }>;

export const ESCALATION_EXHAUSTED = eventContract<EscalationExhausted>({
  type: 'EscalationExhausted',
  version: 1,
  description: "Every level of the policy was notified, as many rounds as it says, and nobody acknowledged: the incident stays open, notifying nobody more.",
  fields: {
    serviceId: SERVICE_ID,
    incidentId: INCIDENT_ID,
    at: AT,
  },
  example: {"serviceId": "checkout", "incidentId": "1", "at": "2026-12-03T08:30:00.000Z"},
});
