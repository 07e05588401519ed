import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { SERVICE_ID, type PolicyTarget } from './pager.fields';

/** A service's escalation policy: who is notified at each level, how long an acknowledgement may take, and how often the whole policy runs again. */
export type EscalationPolicySet = DomainEvent<'EscalationPolicySet', { serviceId: string; ackTimeoutSeconds: number; repeat: number; levels: number; targets: readonly PolicyTarget[] }>;

export const ESCALATION_POLICY_SET = eventContract<EscalationPolicySet>({
  type: 'EscalationPolicySet',
  version: 1,
  description: "A service's escalation policy: who is notified at each level, how long an acknowledgement may take, and how often the whole policy runs again.",
  fields: {
    serviceId: SERVICE_ID,
    ackTimeoutSeconds: { kind: 'count', description: 'How long, in seconds, a level has to acknowledge before the next level is notified.' },
    repeat: { kind: 'count', description: 'How many times the whole policy runs again after its last level before the escalation is exhausted.' },
    levels: { kind: 'count', description: 'How many levels the policy has.' },
    targets: { kind: 'list', description: 'Every target of the policy, with its level.', items: { level: 'count', kind: 'text', address: 'text' } },
  },
  example: {"serviceId": "checkout", "ackTimeoutSeconds": 900, "repeat": 0, "levels": 2, "targets": [{"level": 1, "kind": "email", "address": "oncall@example.com"}, {"level": 2, "kind": "sms", "address": "+15551234567"}]},
});
