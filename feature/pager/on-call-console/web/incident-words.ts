import type { IncidentStatus, NotifiedTarget, TimelineEntry } from './pager-views.js';

/** Where an incident stands, for the colours (`data-state`); each state has its words too, never colour alone. */
export type IncidentState = 'unacknowledged' | 'acknowledged' | 'exhausted';

/** The states in the order the summary counts them. */
export const INCIDENT_STATES: readonly IncidentState[] = ['unacknowledged', 'acknowledged', 'exhausted'];

export const STATE_LABELS: Readonly<Record<IncidentState, string>> = {
  unacknowledged: 'Not acknowledged',
  acknowledged: 'Acknowledged',
  exhausted: 'Escalation exhausted',
};

/** An acknowledgement after the last level gave up still means someone has it: acknowledged wins. */
export const incidentState = ({ acknowledged, exhausted }: IncidentStatus): IncidentState =>
  acknowledged ? 'acknowledged' : exhausted ? 'exhausted' : 'unacknowledged';

/** A level and its round in words, e.g. `Level 2, round 1`: people count rounds from 1, the view from 0. */
export const levelLabel = ({ level, round }: { readonly level: number; readonly round: number }): string =>
  level === 0 ? 'Not paged yet' : `Level ${level}, round ${round + 1}`;

/** When the next level is paged unless someone acknowledges, e.g. `08:15:00 (in 14 min)`; or why none will be. */
export const nextEscalationLabel = (incident: IncidentStatus, now: number): string => {
  if (incident.acknowledged) return 'Acknowledged';
  if (incident.exhausted) return 'Escalation exhausted';
  if (incident.nextEscalationAt === null) return 'Not scheduled yet';
  const at = Date.parse(incident.nextEscalationAt);
  return `${clockTime(at)} (${untilLabel(at - now)})`;
};

const untilLabel = (ms: number): string => {
  if (ms <= 0) return 'due now';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes <= 1) return `in ${Math.ceil(ms / 1_000)} s`;
  return minutes < 60 ? `in ${minutes} min` : `in ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

/** A time of day on the reader's clock, 24-hour, to the second: escalations are minutes apart. */
export const clockTime = (at: number | string): string =>
  new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

export const alertsLabel = (alerts: number): string => (alerts === 1 ? '1 alert' : `${alerts} alerts`);

const KIND_LABELS: Readonly<Record<NotifiedTarget['kind'], string>> = { email: 'Email', sms: 'SMS' };

export const targetLabel = (target: NotifiedTarget): string => `${KIND_LABELS[target.kind]} ${target.address} (${levelLabel(target).toLowerCase()})`;

/** A timeline's target, `email:<address>` or `sms:<number>`, in words. */
const timelineTarget = (target: string): string => {
  const [kind, ...address] = target.split(':');
  return kind === 'email' || kind === 'sms' ? `${KIND_LABELS[kind]} ${address.join(':')}` : target;
};

export const timelineLabel = (entry: TimelineEntry): string => {
  switch (entry.what) {
    case 'alert':
      return `Alert: ${entry.message}`;
    case 'notified':
      return `Paged ${levelLabel(entry).toLowerCase()}: ${entry.targets.map(timelineTarget).join(', ')}`;
    case 'timed-out':
      return `Not acknowledged in time at ${levelLabel(entry).toLowerCase()}`;
    case 'acknowledged':
      return 'Acknowledged';
    case 'exhausted':
      return 'Escalation exhausted: no level left to page';
    case 'recovered':
      return 'Service healthy again';
    default:
      return unknownEntry(entry);
  }
};

/** Every entry of the view is worded (the compiler checks it); a newer server's other entries are named as they come. */
const unknownEntry = (entry: never): string => (entry as { what: string }).what;

/** What changed for people, in one sentence, or nothing worth saying (e.g. a level notified again). */
export const changeLabel = (serviceId: string, before: IncidentStatus | undefined, after: IncidentStatus | undefined): string | undefined => {
  if (!after) return before ? `${serviceId} is healthy: its incident is closed.` : undefined;
  if (!before || before.id !== after.id) return `New incident on ${serviceId}: ${after.message}`;
  if (after.acknowledged && !before.acknowledged) return `${serviceId}'s incident is acknowledged.`;
  if (after.exhausted && !before.exhausted) return `${serviceId}'s escalation is exhausted: nobody acknowledged.`;
  if (after.level !== before.level || after.round !== before.round) return `${serviceId}: paging ${levelLabel(after).toLowerCase()}.`;
  if (after.alerts !== before.alerts) return `${serviceId} alerted again: ${alertsLabel(after.alerts)}.`;
  return undefined;
};
