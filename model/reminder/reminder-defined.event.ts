import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { DUE_AT, REMINDER_ID } from './reminder.fields';

/** Someone asked to be called back at an address once a delay has passed: the reminder is active until then. */
export type ReminderDefined = DomainEvent<
  'ReminderDefined',
  { reminderId: string; address: string; hours: number; minutes: number; seconds: number; definedAt: string; dueAt: string }
>;

export const REMINDER_DEFINED = eventContract<ReminderDefined>({
  type: 'ReminderDefined',
  version: 1,
  description: 'Someone asked to be called back at an address once a delay has passed: the reminder is active until then.',
  fields: {
    reminderId: REMINDER_ID,
    address: { kind: 'text', description: 'The http or https URL the callback is posted to.' },
    hours: { kind: 'count', description: 'Hours of the delay.' },
    minutes: { kind: 'count', description: 'Minutes of the delay.' },
    seconds: { kind: 'count', description: 'Seconds of the delay.' },
    definedAt: { kind: 'instant', description: 'When the reminder was defined.' },
    dueAt: DUE_AT,
  },
  example: { reminderId: '381b213b-5bc9-4efe-ac00-b10227794b7c', address: 'http://127.0.0.1:3000/api/v1/reminders', hours: 0, minutes: 0, seconds: 30, definedAt: '2026-12-02T08:00:00.000Z', dueAt: '2026-12-02T08:00:30.000Z' },
});
