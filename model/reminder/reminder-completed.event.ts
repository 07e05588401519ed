import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ATTEMPTS, REMINDER_ID } from './reminder.fields';

/** The address took the callback (a 2xx answer): the reminder is done. */
export type ReminderCompleted = DomainEvent<'ReminderCompleted', { reminderId: string; attempts: number }>;

export const REMINDER_COMPLETED = eventContract<ReminderCompleted>({
  type: 'ReminderCompleted',
  version: 1,
  description: 'The address took the callback (a 2xx answer): the reminder is done.',
  fields: { reminderId: REMINDER_ID, attempts: ATTEMPTS },
  example: { reminderId: '381b213b-5bc9-4efe-ac00-b10227794b7c', attempts: 1 },
});
