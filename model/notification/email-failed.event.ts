import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ATTEMPTS, EMAIL_ADDRESS, NOTIFICATION_ID, OPERATION_ID, PURPOSE, REASON, SUBJECT, type EmailPurpose } from './notification.fields';

/** An email could not be delivered: refused by the mail server, or failing after every attempt. */
export type EmailFailed = DomainEvent<'EmailFailed', { operationId: string; notificationId: string; purpose: EmailPurpose; to: string; subject: string; attempts: number; reason: string }>;

export const EMAIL_FAILED = eventContract<EmailFailed>({
  type: 'EmailFailed',
  version: 1,
  description: 'An email could not be delivered: refused by the mail server, or failing after every attempt.',
  fields: {
    operationId: OPERATION_ID,
    notificationId: NOTIFICATION_ID,
    purpose: PURPOSE,
    to: EMAIL_ADDRESS,
    subject: SUBJECT,
    attempts: ATTEMPTS,
    reason: REASON,
  },
  example: {"operationId": "0b5e1f3a-8c1d-8e2f-9a3b-4c5d6e7f8091", "notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "purpose": "recipient", "to": "ada@example.com", "subject": "Your booking", "attempts": 5, "reason": "the SMTP server refused the connection; gave up after 5 attempts"},
});
