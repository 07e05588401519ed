import type { Command, Decider } from '@libs/decider/decider';
import type { SlackMessageRequested, SlackOperation } from '@model/notification/notification.events';

/** Queue a Slack message on the Slack operation stream. */
export type QueueSlackMessage = Command<'QueueSlackMessage', SlackMessageRequested['data']>;

/** A Slack operation is queued once: queuing the same operation again changes nothing. */
export const queueSlackMessage: Decider<QueueSlackMessage, { readonly queued: boolean }, SlackOperation> = {
  initialState: () => ({ queued: false }),
  evolve: () => ({ queued: true }),
  decide: ({ data }, { queued }): SlackMessageRequested[] => (queued ? [] : [{ type: 'SlackMessageRequested', data }]),
};
