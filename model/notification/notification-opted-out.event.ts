import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { NOTIFICATION_ID, RECIPIENT_ID } from './notification.fields';

/** A requested notification was not sent: its recipient opted out of every channel. */
export type NotificationOptedOut = DomainEvent<'NotificationOptedOut', { notificationId: string; recipientId: string }>;

export const NOTIFICATION_OPTED_OUT = eventContract<NotificationOptedOut>({
  type: 'NotificationOptedOut',
  version: 1,
  description: 'A requested notification was not sent: its recipient opted out of every channel.',
  fields: {
    notificationId: NOTIFICATION_ID,
    recipientId: RECIPIENT_ID,
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "recipientId": "ada"},
});
