import type { ServiceEvent } from '@model/pager/pager.events';

/** A service with a two-level policy, 15 minutes to acknowledge, run once: the events the pager's specs start from. */
export const SERVICE = 'checkout';
export const AT = '2026-12-03T08:00:00.000Z';
export const after = (seconds: number): string => new Date(Date.parse(AT) + seconds * 1_000).toISOString();
export const LEVEL_1 = [{ kind: 'email' as const, address: 'oncall@example.com' }];
export const LEVEL_2 = [{ kind: 'sms' as const, address: '+15551234567' }];

export const policySet = (repeat = 0): ServiceEvent => ({
  type: 'EscalationPolicySet',
  data: { serviceId: SERVICE, ackTimeoutSeconds: 900, repeat, levels: 2, targets: [...LEVEL_1.map((target) => ({ ...target, level: 1 })), ...LEVEL_2.map((target) => ({ ...target, level: 2 }))] },
});
export const opened = (incidentId = '1', at = AT): ServiceEvent => ({ type: 'IncidentOpened', data: { serviceId: SERVICE, incidentId, message: 'checkout answers 500', openedAt: at } });
export const notified = (level: number, round = 0, incidentId = '1', deadline = after(900 * (level + 2 * round))): ServiceEvent => ({
  type: 'LevelNotified',
  data: { serviceId: SERVICE, incidentId, level, round, targets: level === 1 ? LEVEL_1 : LEVEL_2, message: 'checkout answers 500', ackDeadline: deadline },
});
export const timedOut = (level: number, round = 0, incidentId = '1'): ServiceEvent => ({
  type: 'AcknowledgementTimedOut',
  data: { serviceId: SERVICE, incidentId, level, round, at: after(900 * (level + 2 * round)) },
});
export const acknowledged = (incidentId = '1'): ServiceEvent => ({ type: 'AlertAcknowledged', data: { serviceId: SERVICE, incidentId, at: after(60) } });
export const recovered = (incidentId = '1'): ServiceEvent => ({ type: 'ServiceRecovered', data: { serviceId: SERVICE, incidentId, at: after(120) } });
