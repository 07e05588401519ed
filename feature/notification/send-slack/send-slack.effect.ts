import type { RecordedEvent } from '@libs/decider/decider';
import type { EffectOutcome, EffectRequest } from '@libs/event-model/board';
import type { SlackOperation } from '@model/notification/notification.events';
import type { RecordSlackOutcome, SlackRecord } from './send-slack.decider';

/** A Slack message as the sender takes it (`text`; `channel` for webhooks that may post to several), with its notification. */
export interface NotificationSlackMessage {
  readonly text: string;
  readonly channel: string;
  readonly notificationId: string;
}

/** A queued Slack message asks to be posted, keyed by its operation id. */
export const slackMessageFor = ({ event }: RecordedEvent<SlackOperation>): EffectRequest<NotificationSlackMessage> => {
  const { operationId, notificationId, channel, text } = event.data;
  return { key: operationId, payload: { text, channel, notificationId } };
};

/** A Slack message is wanted until its outcome is recorded. */
export const slackWanted = ({ settled }: SlackRecord): boolean => !settled;

/** The command recording how the message ended. */
export const slackOutcome = ({ key, payload }: EffectRequest<NotificationSlackMessage>, outcome: EffectOutcome): RecordSlackOutcome => ({
  type: 'RecordSlackOutcome',
  data: {
    operationId: key,
    notificationId: payload.notificationId,
    channel: payload.channel,
    attempts: outcome.attempts,
    succeeded: outcome.succeeded,
    reason: outcome.succeeded ? '' : outcome.reason,
  },
});
