import type { RecordedEvent } from '@libs/decider/decider';
import type { NotificationEvent } from '@model/notification/notification.events';
import type { QueueEmail } from '../email-request';

/** A created notification with an email operation queues that email, with everything needed to send it. */
export const onNotificationCreated = ({ event }: RecordedEvent<NotificationEvent>): readonly QueueEmail[] => {
  if (event.type !== 'NotificationCreated') return [];
  const { notificationId, subject, body, operations } = event.data;
  return operations
    .filter(({ channel }) => channel === 'email')
    .map(({ operationId, address }) => ({ type: 'QueueEmail', data: { operationId, notificationId, purpose: 'recipient', to: address, subject, body } }));
};
