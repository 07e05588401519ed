import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { INCIDENT_ID, LEVEL, MESSAGE, ROUND, SERVICE_ID, TARGETS, type Target } from './pager.fields';

/** A level of the escalation policy is to be notified about the incident, and has until the deadline to acknowledge. */
export type LevelNotified = DomainEvent<'LevelNotified', { serviceId: string; incidentId: string; level: number; round: number; targets: readonly Target[]; message: string; ackDeadline: string }>;

export const LEVEL_NOTIFIED = eventContract<LevelNotified>({
  type: 'LevelNotified',
  version: 1,
  description: "A level of the escalation policy is to be notified about the incident, and has until the deadline to acknowledge.",
  fields: {
    serviceId: SERVICE_ID,
    incidentId: INCIDENT_ID,
    level: LEVEL,
    round: ROUND,
    targets: TARGETS,
    message: MESSAGE,
    ackDeadline: { kind: 'instant', description: 'When the next level is notified unless the alert is acknowledged before.' },
  },
  example: {"serviceId": "checkout", "incidentId": "1", "level": 1, "round": 0, "targets": [{"kind": "email", "address": "oncall@example.com"}], "message": "checkout answers 500", "ackDeadline": "2026-12-03T08:15:00.000Z"},
});
