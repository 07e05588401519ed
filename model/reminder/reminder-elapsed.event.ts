import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { DUE_AT, REMINDER_ID } from './reminder.fields';

/** The reminder's delay has passed: its callback is due. */
export type ReminderElapsed = DomainEvent<'ReminderElapsed', { reminderId: string; dueAt: string }>;

export const REMINDER_ELAPSED = eventContract<ReminderElapsed>({
  type: 'ReminderElapsed',
  version: 1,
  description: 'The reminder\'s delay has passed: its callback is due.',
  fields: { reminderId: REMINDER_ID, dueAt: DUE_AT },
  example: { reminderId: '381b213b-5bc9-4efe-ac00-b10227794b7c', dueAt: '2026-12-02T08:00:30.000Z' },
});
