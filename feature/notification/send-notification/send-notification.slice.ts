import type { StateChangeSlice } from '@libs/event-model/board';
import type { ClientOperation } from '@model/notification/notification.events';
import { NOTIFICATION_REQUEST_STREAM, notificationRequestSubject } from '@stream/notification.stream';
import { commandTriggers } from '../notification.triggers';
import { sendNotification, type NotificationRequest, type SendNotification } from './send-notification.decider';

/** A client queues a notification on the client operation stream, and gets its tracking id. */
export const SEND_NOTIFICATION: StateChangeSlice<SendNotification, NotificationRequest, ClientOperation> = {
  kind: 'state-change',
  name: 'send-notification',
  title: 'A client asks for a notification',
  actor: 'Client',
  triggers: commandTriggers('send-notification'),
  command: { name: 'SendNotification', fields: ['notificationId', 'recipientId', 'subject', 'body'] },
  stream: NOTIFICATION_REQUEST_STREAM,
  events: ['SendNotificationRequested'],
  decider: sendNotification,
  entity: ({ data }) => notificationRequestSubject(data.notificationId),
  rules: [
    'a notification to a registered recipient is requested with the recipient\'s channels as they are now',
    'the recipient must exist',
    'the same notification id with the same request changes nothing',
    'the same notification id with another recipient, subject or body is refused',
  ],
};
