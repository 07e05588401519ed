import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { BODY, NOTIFICATION_ID, OPERATIONS, RECIPIENT_ID, SUBJECT, type Operation } from './notification.fields';

/** A requested notification was taken on: one operation per channel of its recipient is to be queued, and it is being sent. */
export type NotificationCreated = DomainEvent<'NotificationCreated', { notificationId: string; recipientId: string; subject: string; body: string; operations: readonly Operation[] }>;

export const NOTIFICATION_CREATED = eventContract<NotificationCreated>({
  type: 'NotificationCreated',
  version: 1,
  description: 'A requested notification was taken on: one operation per channel of its recipient is to be queued, and it is being sent.',
  fields: {
    notificationId: NOTIFICATION_ID,
    recipientId: RECIPIENT_ID,
    subject: SUBJECT,
    body: BODY,
    operations: OPERATIONS,
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "recipientId": "ada", "subject": "Your booking", "body": "Room 2 is yours on 2033-03-03.", "operations": [{"channel": "email", "operationId": "0b5e1f3a-8c1d-8e2f-9a3b-4c5d6e7f8091", "address": "ada@example.com"}, {"channel": "slack", "operationId": "5a6b7c8d-9e0f-8a1b-8c2d-3e4f5a6b7c8d", "address": "#ada"}]},
});
