import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ATTEMPTS, NOTIFICATION_ID, OPERATION_ID, SLACK_CHANNEL } from './notification.fields';

/** A Slack message was taken by Slack's incoming webhook (or the local outbox). */
export type SlackMessageSent = DomainEvent<'SlackMessageSent', { operationId: string; notificationId: string; channel: string; attempts: number }>;

export const SLACK_MESSAGE_SENT = eventContract<SlackMessageSent>({
  type: 'SlackMessageSent',
  version: 1,
  description: "A Slack message was taken by Slack's incoming webhook (or the local outbox).",
  fields: {
    operationId: OPERATION_ID,
    notificationId: NOTIFICATION_ID,
    channel: SLACK_CHANNEL,
    attempts: ATTEMPTS,
  },
  example: {"operationId": "5a6b7c8d-9e0f-8a1b-8c2d-3e4f5a6b7c8d", "notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "channel": "#ada", "attempts": 1},
});
