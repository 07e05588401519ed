import type { Command, Decider } from '@libs/decider/decider';
import type { AcknowledgementTimedOut, EscalationExhausted, LevelNotified, ServiceEvent } from '@model/pager/pager.events';
import { deadlineAfter, newService, nextLevel, serviceEvolved, targetsOf, type Service } from '../service.state';

/** A level's acknowledgement deadline passed: the one of this incident, level and round, at this time. */
export type TimeOutAcknowledgement = Command<'TimeOutAcknowledgement', { serviceId: string; incidentId: string; level: number; round: number; at: string }>;

/**
 * A timeout belongs to one incident, level and round: only while that level is the incident's current one,
 * unacknowledged and not exhausted, does it notify the next level (or level 1 of the next round, or exhaust the
 * escalation). A timeout from an earlier incident or level, or after an acknowledgement or recovery, changes nothing.
 */
export const escalate: Decider<TimeOutAcknowledgement, Service, ServiceEvent> = {
  initialState: newService,
  evolve: serviceEvolved,
  decide: ({ data }, { incident, policy }): (AcknowledgementTimedOut | LevelNotified | EscalationExhausted)[] => {
    const { serviceId, incidentId, level, round, at } = data;
    if (!incident || !policy || incident.incidentId !== incidentId || incident.level !== level || incident.round !== round) return [];
    if (incident.acknowledged || incident.exhausted) return [];
    const timedOut: AcknowledgementTimedOut = { type: 'AcknowledgementTimedOut', data: { serviceId, incidentId, level, round, at } };
    const next = nextLevel(policy, incident);
    if (!next) return [timedOut, { type: 'EscalationExhausted', data: { serviceId, incidentId, at } }];
    return [
      timedOut,
      {
        type: 'LevelNotified',
        data: { serviceId, incidentId, ...next, targets: targetsOf(policy, next.level), message: incident.message, ackDeadline: deadlineAfter(at, policy.ackTimeoutSeconds) },
      },
    ];
  },
};
