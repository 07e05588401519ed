import type { Command, Decider } from '@libs/decider/decider';
import type { SlackEvent, SlackMessageFailed, SlackMessageSent } from '@model/notification/notification.events';

/** How a Slack message ended after its attempts: taken by Slack, or given up on with the reason. */
export type RecordSlackOutcome = Command<'RecordSlackOutcome', SlackMessageSent['data'] & { succeeded: boolean; reason: string }>;

/** A Slack message's record on the Slack event stream: whether its outcome is in. */
export interface SlackRecord {
  readonly settled: boolean;
}

/** A Slack message's outcome is recorded once: the first one stands. */
export const recordSlackOutcome: Decider<RecordSlackOutcome, SlackRecord, SlackEvent> = {
  initialState: () => ({ settled: false }),
  evolve: () => ({ settled: true }),
  decide: ({ data }, { settled }): (SlackMessageSent | SlackMessageFailed)[] => {
    if (settled) return [];
    const { operationId, notificationId, channel, attempts } = data;
    return data.succeeded
      ? [{ type: 'SlackMessageSent', data: { operationId, notificationId, channel, attempts } }]
      : [{ type: 'SlackMessageFailed', data: { operationId, notificationId, channel, attempts, reason: data.reason } }];
  },
};
