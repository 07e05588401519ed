import type { Projection } from '@libs/decider/projection';
import type { ServiceEvent } from '@model/pager/pager.events';
import type { TargetKind } from '@model/pager/pager.fields';

/** A target notified during the incident, and at which level and round. */
export interface NotifiedTarget {
  readonly level: number;
  readonly round: number;
  readonly kind: TargetKind;
  readonly address: string;
}

/** The open incident as the on-call console shows it. */
export interface IncidentStatus {
  readonly id: string;
  readonly message: string;
  readonly openedAt: string;
  readonly level: number;
  readonly round: number;
  readonly acknowledged: boolean;
  readonly exhausted: boolean;
  /** When the next level is notified unless someone acknowledges; null once acknowledged or exhausted. */
  readonly nextEscalationAt: string | null;
  readonly notified: readonly NotifiedTarget[];
  readonly alerts: number;
}

/** The board's "Service" post-it: healthy, or unhealthy with where its incident's escalation stands. */
export interface ServiceStatusDocument {
  readonly serviceId: string;
  readonly state: 'healthy' | 'unhealthy';
  readonly incident: IncidentStatus | null;
}

const withIncident = (document: ServiceStatusDocument, change: (incident: IncidentStatus) => IncidentStatus): ServiceStatusDocument =>
  document.incident ? { ...document, incident: change(document.incident) } : document;

export const serviceStatus: Projection<ServiceEvent, ServiceStatusDocument> = {
  name: 'service-status',
  keyOf: (event) => event.data.serviceId,
  evolve: (document, { event }) => {
    const current: ServiceStatusDocument = document ?? { serviceId: event.data.serviceId, state: 'healthy', incident: null };
    switch (event.type) {
      case 'EscalationPolicySet':
      case 'AcknowledgementTimedOut':
        return current;
      case 'IncidentOpened': {
        const { incidentId, message, openedAt } = event.data;
        const incident: IncidentStatus = { id: incidentId, message, openedAt, level: 0, round: 0, acknowledged: false, exhausted: false, nextEscalationAt: null, notified: [], alerts: 1 };
        return { ...current, state: 'unhealthy', incident };
      }
      case 'AlertRecorded':
        return withIncident(current, (incident) => ({ ...incident, alerts: incident.alerts + 1 }));
      case 'LevelNotified': {
        const { level, round, targets, ackDeadline } = event.data;
        return withIncident(current, (incident) => ({
          ...incident,
          level,
          round,
          nextEscalationAt: incident.acknowledged ? null : ackDeadline,
          notified: [...incident.notified, ...targets.map(({ kind, address }) => ({ level, round, kind, address }))],
        }));
      }
      case 'AlertAcknowledged':
        return withIncident(current, (incident) => ({ ...incident, acknowledged: true, nextEscalationAt: null }));
      case 'EscalationExhausted':
        return withIncident(current, (incident) => ({ ...incident, exhausted: true, nextEscalationAt: null }));
      case 'ServiceRecovered':
        return { ...current, state: 'healthy', incident: null };
    }
  },
};
