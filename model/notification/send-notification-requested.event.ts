import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { BODY, CHANNEL_ADDRESSES, NOTIFICATION_ID, RECIPIENT_ID, SUBJECT, type ChannelAddress } from './notification.fields';

/** A client asked for a notification to be sent to a recipient: the client operation, queued with the recipient's channels as they were then. */
export type SendNotificationRequested = DomainEvent<'SendNotificationRequested', { notificationId: string; recipientId: string; subject: string; body: string; channels: readonly ChannelAddress[]; requestedAt: string }>;

export const SEND_NOTIFICATION_REQUESTED = eventContract<SendNotificationRequested>({
  type: 'SendNotificationRequested',
  version: 1,
  description: "A client asked for a notification to be sent to a recipient: the client operation, queued with the recipient's channels as they were then.",
  fields: {
    notificationId: NOTIFICATION_ID,
    recipientId: RECIPIENT_ID,
    subject: SUBJECT,
    body: BODY,
    channels: CHANNEL_ADDRESSES,
    requestedAt: { kind: 'instant', description: 'When the client asked.' },
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "recipientId": "ada", "subject": "Your booking", "body": "Room 2 is yours on 2033-03-03.", "channels": [{"channel": "email", "address": "ada@example.com"}, {"channel": "slack", "address": "#ada"}], "requestedAt": "2026-12-03T08:00:00.000Z"},
});
