import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { NOTIFICATION_ID, OUTCOME, type NotificationOutcome } from './notification.fields';

/** The notification subsystem queued, for itself, a notice to the internal team about a notification that did not go out on every channel. */
export type InternalTeamNoticeRequested = DomainEvent<'InternalTeamNoticeRequested', { notificationId: string; outcome: NotificationOutcome; summary: string }>;

export const INTERNAL_TEAM_NOTICE_REQUESTED = eventContract<InternalTeamNoticeRequested>({
  type: 'InternalTeamNoticeRequested',
  version: 1,
  description: 'The notification subsystem queued, for itself, a notice to the internal team about a notification that did not go out on every channel.',
  fields: {
    notificationId: NOTIFICATION_ID,
    outcome: OUTCOME,
    summary: { kind: 'text', description: 'What went wrong, channel by channel, as the notice tells it.' },
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "outcome": "sent-on-some", "summary": "slack failed after 5 attempts: Slack answered 500"},
});
