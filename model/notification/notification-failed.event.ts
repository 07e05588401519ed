import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { CHANNEL_RESULTS, NOTIFICATION_ID, type ChannelResult } from './notification.fields';

/** The notification went out on none of its recipient's channels, after every attempt. */
export type NotificationFailed = DomainEvent<'NotificationFailed', { notificationId: string; channels: readonly ChannelResult[] }>;

export const NOTIFICATION_FAILED = eventContract<NotificationFailed>({
  type: 'NotificationFailed',
  version: 1,
  description: "The notification went out on none of its recipient's channels, after every attempt.",
  fields: {
    notificationId: NOTIFICATION_ID,
    channels: CHANNEL_RESULTS,
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "channels": [{"channel": "email", "operationId": "0b5e1f3a-8c1d-8e2f-9a3b-4c5d6e7f8091", "status": "failed", "attempts": 5, "lastError": "the SMTP server refused the connection; gave up after 5 attempts"}]},
});
