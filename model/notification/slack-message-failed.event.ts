import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ATTEMPTS, NOTIFICATION_ID, OPERATION_ID, REASON, SLACK_CHANNEL } from './notification.fields';

/** A Slack message could not be delivered: refused by Slack, or failing after every attempt. */
export type SlackMessageFailed = DomainEvent<'SlackMessageFailed', { operationId: string; notificationId: string; channel: string; attempts: number; reason: string }>;

export const SLACK_MESSAGE_FAILED = eventContract<SlackMessageFailed>({
  type: 'SlackMessageFailed',
  version: 1,
  description: 'A Slack message could not be delivered: refused by Slack, or failing after every attempt.',
  fields: {
    operationId: OPERATION_ID,
    notificationId: NOTIFICATION_ID,
    channel: SLACK_CHANNEL,
    attempts: ATTEMPTS,
    reason: REASON,
  },
  example: {"operationId": "5a6b7c8d-9e0f-8a1b-8c2d-3e4f5a6b7c8d", "notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "channel": "#ada", "attempts": 5, "reason": "Slack answered 500 (internal_error); gave up after 5 attempts"},
});
