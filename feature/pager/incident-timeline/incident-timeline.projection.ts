import type { Projection } from '@libs/decider/projection';
import type { ServiceEvent } from '@model/pager/pager.events';

/** One line of an incident's story. */
export type TimelineEntry =
  | { readonly at: string; readonly what: 'alert'; readonly message: string }
  | { readonly at: string; readonly what: 'notified'; readonly level: number; readonly round: number; readonly targets: readonly string[] }
  | { readonly at: string; readonly what: 'timed-out'; readonly level: number; readonly round: number }
  | { readonly at: string; readonly what: 'acknowledged' | 'recovered' | 'exhausted' };

/** An incident from its alert to its end: every alert, level notified, timeout, acknowledgement and recovery, in order. */
export interface IncidentTimelineDocument {
  readonly serviceId: string;
  readonly incidentId: string;
  readonly entries: readonly TimelineEntry[];
}

/** A timeline's key: the service and its incident. */
export const timelineKey = (serviceId: string, incidentId: string): string => `${serviceId}.${incidentId}`;

const entryOf = (event: ServiceEvent, time: string): TimelineEntry | undefined => {
  switch (event.type) {
    case 'IncidentOpened':
      return { at: event.data.openedAt, what: 'alert', message: event.data.message };
    case 'AlertRecorded':
      return { at: event.data.at, what: 'alert', message: event.data.message };
    case 'LevelNotified':
      return { at: time, what: 'notified', level: event.data.level, round: event.data.round, targets: event.data.targets.map(({ kind, address }) => `${kind}:${address}`) };
    case 'AcknowledgementTimedOut':
      return { at: event.data.at, what: 'timed-out', level: event.data.level, round: event.data.round };
    case 'AlertAcknowledged':
      return { at: event.data.at, what: 'acknowledged' };
    case 'ServiceRecovered':
      return { at: event.data.at, what: 'recovered' };
    case 'EscalationExhausted':
      return { at: event.data.at, what: 'exhausted' };
    case 'EscalationPolicySet':
      return undefined;
  }
};

export const incidentTimeline: Projection<ServiceEvent, IncidentTimelineDocument> = {
  name: 'incident-timeline',
  keyOf: (event) => (event.type === 'EscalationPolicySet' ? undefined : timelineKey(event.data.serviceId, event.data.incidentId)),
  evolve: (document, { event, metadata }) => {
    const current = document ?? { serviceId: event.data.serviceId, incidentId: 'incidentId' in event.data ? event.data.incidentId : '', entries: [] };
    const entry = entryOf(event, metadata.time);
    return entry ? { ...current, entries: [...current.entries, entry] } : current;
  },
};
