import type { ServiceEvent } from '@model/pager/pager.events';
import type { PolicyTarget, Target } from '@model/pager/pager.fields';

/** A service's escalation policy. */
export interface Policy {
  readonly ackTimeoutSeconds: number;
  readonly repeat: number;
  readonly levels: number;
  readonly targets: readonly PolicyTarget[];
}

/** A level notified during an incident. */
export interface Notified {
  readonly level: number;
  readonly round: number;
  readonly targets: readonly Target[];
}

/** The open incident: where its escalation stands. */
export interface Incident {
  readonly incidentId: string;
  readonly message: string;
  readonly level: number;
  readonly round: number;
  readonly acknowledged: boolean;
  readonly exhausted: boolean;
  readonly ackDeadline: string;
  readonly notified: readonly Notified[];
}

/** A monitored service as its events fold it: healthy when it has no open incident. */
export interface Service {
  readonly policy?: Policy;
  /** How many incidents it had: the next one is numbered after them. */
  readonly incidents: number;
  readonly incident?: Incident;
}

export const newService = (): Service => ({ incidents: 0 });

/** The targets of a level of the policy. */
export const targetsOf = (policy: Policy, level: number): Target[] =>
  policy.targets.filter((target) => target.level === level).map(({ kind, address }) => ({ kind, address }));

/** The deadline `seconds` after `at`. */
export const deadlineAfter = (at: string, seconds: number): string => new Date(Date.parse(at) + seconds * 1_000).toISOString();

export const serviceEvolved = (service: Service, event: ServiceEvent): Service => {
  const incident = service.incident;
  switch (event.type) {
    case 'EscalationPolicySet': {
      const { ackTimeoutSeconds, repeat, levels, targets } = event.data;
      return { ...service, policy: { ackTimeoutSeconds, repeat, levels, targets } };
    }
    case 'IncidentOpened':
      return {
        ...service,
        incidents: service.incidents + 1,
        incident: { incidentId: event.data.incidentId, message: event.data.message, level: 0, round: 0, acknowledged: false, exhausted: false, ackDeadline: '', notified: [] },
      };
    case 'LevelNotified': {
      if (!incident) return service;
      const { level, round, targets, ackDeadline } = event.data;
      return { ...service, incident: { ...incident, level, round, ackDeadline, notified: [...incident.notified, { level, round, targets }] } };
    }
    case 'EscalationExhausted':
      return incident ? { ...service, incident: { ...incident, exhausted: true } } : service;
    case 'AlertAcknowledged':
      return incident ? { ...service, incident: { ...incident, acknowledged: true } } : service;
    case 'ServiceRecovered':
      return { ...service, incident: undefined };
    case 'AlertRecorded':
    case 'AcknowledgementTimedOut':
      return service;
  }
};
