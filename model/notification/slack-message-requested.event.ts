import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { NOTIFICATION_ID, OPERATION_ID, SLACK_CHANNEL } from './notification.fields';

/** A Slack message was queued on the Slack channel: everything needed to compose and deliver it. */
export type SlackMessageRequested = DomainEvent<'SlackMessageRequested', { operationId: string; notificationId: string; channel: string; text: string }>;

export const SLACK_MESSAGE_REQUESTED = eventContract<SlackMessageRequested>({
  type: 'SlackMessageRequested',
  version: 1,
  description: 'A Slack message was queued on the Slack channel: everything needed to compose and deliver it.',
  fields: {
    operationId: OPERATION_ID,
    notificationId: NOTIFICATION_ID,
    channel: SLACK_CHANNEL,
    text: { kind: 'text', description: 'The message as Slack shows it.' },
  },
  example: {"operationId": "5a6b7c8d-9e0f-8a1b-8c2d-3e4f5a6b7c8d", "notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "channel": "#ada", "text": "*Your booking*\nRoom 2 is yours on 2033-03-03."},
});
