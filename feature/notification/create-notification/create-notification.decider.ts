import type { Command, Decider } from '@libs/decider/decider';
import type { NotificationCreated, NotificationEvent, NotificationOptedOut, SendNotificationRequested } from '@model/notification/notification.events';
import { newNotification, notificationEvolved, type NotificationState } from '../notification.state';
import { operationIdOf } from '../notification.ids';

/** Take on a requested notification: the request as the client operation stream holds it. */
export type CreateNotification = Command<'CreateNotification', Omit<SendNotificationRequested['data'], 'requestedAt'>>;

/**
 * A requested notification is created once, with one operation per channel of its recipient (their ids derived
 * from the notification and the channel, so they are the same whoever derives them); a recipient with no channel
 * opted out of it.
 */
export const createNotification: Decider<CreateNotification, NotificationState, NotificationEvent> = {
  initialState: newNotification,
  evolve: notificationEvolved,
  decide: ({ data }, notification): (NotificationCreated | NotificationOptedOut)[] => {
    if (notification.status !== undefined) return [];
    const { notificationId, recipientId, subject, body, channels } = data;
    if (channels.length === 0) return [{ type: 'NotificationOptedOut', data: { notificationId, recipientId } }];
    const operations = channels.map(({ channel, address }) => ({ channel, operationId: operationIdOf(notificationId, channel), address }));
    return [{ type: 'NotificationCreated', data: { notificationId, recipientId, subject, body, operations } }];
  },
};
