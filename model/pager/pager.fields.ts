import type { FieldContract } from '@libs/event-model/event-contract';

/** The fields pager events share, with what they mean wherever they appear. */
export const SERVICE_ID: FieldContract = { kind: 'entity-id', description: 'The monitored service.' };
export const INCIDENT_ID: FieldContract = { kind: 'entity-id', description: 'The incident: the service\'s n-th time unhealthy (`1`, `2`, …).' };
export const LEVEL: FieldContract = { kind: 'count', description: 'The escalation policy\'s level, from 1.' };
export const ROUND: FieldContract = { kind: 'count', description: 'How many times the whole policy ran before this level: 0 the first time, up to the policy\'s `repeat`.' };
export const AT: FieldContract = { kind: 'instant', description: 'When it happened.' };
export const MESSAGE: FieldContract = { kind: 'text', description: 'What the alert said.' };
export const TARGET_ID: FieldContract = { kind: 'entity-id', description: 'A target: one email address or phone number (a UUID derived from it).' };
export const BUNDLE_ID: FieldContract = { kind: 'entity-id', description: 'One message to a target: the pages it gathers, and its idempotency key to the outside world.' };
export const TARGET_KIND: FieldContract = { kind: 'text', description: '`email` or `sms`.' };
export const TARGET_ADDRESS: FieldContract = { kind: 'text', description: 'The email address, or the phone number in E.164 (`+15551234567`).' };
export const ATTEMPTS: FieldContract = { kind: 'count', description: 'Delivery attempts made, the last one included.' };

/** The targets a level notifies. */
export const TARGETS: FieldContract = { kind: 'list', description: 'Who is notified: each target\'s kind and address.', items: { kind: 'text', address: 'text' } };

/** Where a page comes from: a level of an incident of a service. */
export const PAGES: FieldContract = {
  kind: 'list',
  description: 'The pages a message gathers: each names its service, incident, level, round and alert.',
  items: { pageId: 'entity-id', serviceId: 'entity-id', incidentId: 'entity-id', level: 'count', round: 'count', message: 'text' },
};

/** How a target is reached. */
export const TARGET_KINDS = ['email', 'sms'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface Target {
  readonly kind: TargetKind;
  readonly address: string;
}

/** A target at a level of the policy. */
export interface PolicyTarget extends Target {
  readonly level: number;
}

/** One page: a target to tell about one level of one incident. */
export interface Page {
  readonly pageId: string;
  readonly serviceId: string;
  readonly incidentId: string;
  readonly level: number;
  readonly round: number;
  readonly message: string;
}
