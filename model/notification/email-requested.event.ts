import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { BODY, EMAIL_ADDRESS, NOTIFICATION_ID, OPERATION_ID, PURPOSE, SUBJECT, type EmailPurpose } from './notification.fields';

/** An email was queued on the email channel: everything needed to compose and deliver it. */
export type EmailRequested = DomainEvent<'EmailRequested', { operationId: string; notificationId: string; purpose: EmailPurpose; to: string; subject: string; body: string }>;

export const EMAIL_REQUESTED = eventContract<EmailRequested>({
  type: 'EmailRequested',
  version: 1,
  description: 'An email was queued on the email channel: everything needed to compose and deliver it.',
  fields: {
    operationId: OPERATION_ID,
    notificationId: NOTIFICATION_ID,
    purpose: PURPOSE,
    to: EMAIL_ADDRESS,
    subject: SUBJECT,
    body: BODY,
  },
  example: {"operationId": "0b5e1f3a-8c1d-8e2f-9a3b-4c5d6e7f8091", "notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "purpose": "recipient", "to": "ada@example.com", "subject": "Your booking", "body": "Room 2 is yours on 2033-03-03."},
});
