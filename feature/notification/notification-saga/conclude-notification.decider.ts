import type { Command, Decider } from '@libs/decider/decider';
import type { NotificationConcluded, NotificationEvent } from '@model/notification/notification.events';
import type { ChannelResult, NotificationOutcome } from '@model/notification/notification.fields';
import { CONCLUSIONS, newNotification, notificationEvolved, type NotificationState } from '../notification.state';

/** Write how a notification ended on its channels, as its saga found it. */
export type ConcludeNotification = Command<'ConcludeNotification', { notificationId: string; outcome: NotificationOutcome; channels: readonly ChannelResult[] }>;

const EVENT_OF: Readonly<Record<NotificationOutcome, NotificationConcluded['type']>> = Object.fromEntries(
  Object.entries(CONCLUSIONS).map(([type, outcome]) => [outcome, type]),
) as Record<NotificationOutcome, NotificationConcluded['type']>;

/** A notification being sent concludes once: sent on all its channels, on some, or on none. */
export const concludeNotification: Decider<ConcludeNotification, NotificationState, NotificationEvent> = {
  initialState: newNotification,
  evolve: notificationEvolved,
  decide: ({ data }, notification): NotificationConcluded[] => {
    if (notification.status !== 'sending') return [];
    const { notificationId, channels } = data;
    return [{ type: EVENT_OF[data.outcome], data: { notificationId, channels } }];
  },
};
