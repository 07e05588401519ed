import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { CHANNEL_RESULTS, NOTIFICATION_ID, type ChannelResult } from './notification.fields';

/** The notification went out on some of its recipient's channels and failed on the others, after their attempts. */
export type NotificationPartlySent = DomainEvent<'NotificationPartlySent', { notificationId: string; channels: readonly ChannelResult[] }>;

export const NOTIFICATION_PARTLY_SENT = eventContract<NotificationPartlySent>({
  type: 'NotificationPartlySent',
  version: 1,
  description: "The notification went out on some of its recipient's channels and failed on the others, after their attempts.",
  fields: {
    notificationId: NOTIFICATION_ID,
    channels: CHANNEL_RESULTS,
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "channels": [{"channel": "email", "operationId": "0b5e1f3a-8c1d-8e2f-9a3b-4c5d6e7f8091", "status": "sent", "attempts": 1, "lastError": ""}, {"channel": "slack", "operationId": "5a6b7c8d-9e0f-8a1b-8c2d-3e4f5a6b7c8d", "status": "failed", "attempts": 5, "lastError": "Slack answered 500; gave up after 5 attempts"}]},
});
