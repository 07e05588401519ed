import type { RecordedEvent } from '@libs/decider/decider';
import type { ClientOperation } from '@model/notification/notification.events';
import type { CreateNotification } from './create-notification.decider';

/** The operation handler picks up every requested notification. */
export const onNotificationRequested = ({ event }: RecordedEvent<ClientOperation>): readonly CreateNotification[] => {
  const { notificationId, recipientId, subject, body, channels } = event.data;
  return [{ type: 'CreateNotification', data: { notificationId, recipientId, subject, body, channels } }];
};
