import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ATTEMPTS, REMINDER_ID } from './reminder.fields';

/** The callback could not be delivered: refused by the address, or failing after every attempt. */
export type ReminderFailed = DomainEvent<'ReminderFailed', { reminderId: string; reason: string; attempts: number }>;

export const REMINDER_FAILED = eventContract<ReminderFailed>({
  type: 'ReminderFailed',
  version: 1,
  description: 'The callback could not be delivered: refused by the address, or failing after every attempt.',
  fields: { reminderId: REMINDER_ID, reason: { kind: 'text', description: 'Why the last attempt failed.' }, attempts: ATTEMPTS },
  example: { reminderId: '381b213b-5bc9-4efe-ac00-b10227794b7c', reason: 'the receiver answered 503; gave up after 5 attempts', attempts: 5 },
});
