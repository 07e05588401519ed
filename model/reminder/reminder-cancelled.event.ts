import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { REMINDER_ID } from './reminder.fields';

/** The reminder was called off before its callback went through: nobody is called any more. */
export type ReminderCancelled = DomainEvent<'ReminderCancelled', { reminderId: string }>;

export const REMINDER_CANCELLED = eventContract<ReminderCancelled>({
  type: 'ReminderCancelled',
  version: 1,
  description: 'The reminder was called off before its callback went through: nobody is called any more.',
  fields: { reminderId: REMINDER_ID },
  example: { reminderId: '381b213b-5bc9-4efe-ac00-b10227794b7c' },
});
