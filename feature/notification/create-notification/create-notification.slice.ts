import type { AutomationSlice } from '@libs/event-model/board';
import type { ClientOperation, NotificationEvent } from '@model/notification/notification.events';
import { NOTIFICATION_REQUEST_STREAM, NOTIFICATION_STREAM, notificationRequestSubjectFilter, notificationSubject } from '@stream/notification.stream';
import type { NotificationState } from '../notification.state';
import { createNotification, type CreateNotification } from './create-notification.decider';
import { onNotificationRequested } from './create-notification.reactor';

/** The operation handler takes each requested notification on: it creates the notification with an operation per channel. */
export const CREATE_NOTIFICATION: AutomationSlice<NotificationEvent, CreateNotification, NotificationState, ClientOperation> = {
  kind: 'automation',
  name: 'create-notification',
  title: 'The notification is created from the request',
  actor: 'Operation handler',
  source: NOTIFICATION_REQUEST_STREAM,
  subjects: notificationRequestSubjectFilter(),
  reactsTo: ['SendNotificationRequested'],
  command: { name: 'CreateNotification', fields: ['notificationId', 'recipientId', 'subject', 'body', 'channels'] },
  stream: NOTIFICATION_STREAM,
  events: ['NotificationCreated', 'NotificationOptedOut'],
  react: onNotificationRequested,
  decider: createNotification,
  entity: ({ data }) => notificationSubject(data.notificationId),
  rules: [
    'every requested notification is taken on',
    'a requested notification is created with one operation per channel of its recipient',
    'a recipient with no channel opted out of the notification',
    'a request taken on again changes nothing',
  ],
};
