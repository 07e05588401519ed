import type { StateViewSlice } from '@libs/event-model/board';
import type { NotificationEvent } from '@model/notification/notification.events';
import { NOTIFICATION_STREAM, notificationSubjectFilter } from '@stream/notification.stream';
import { notificationStatus, type NotificationStatusDocument } from './notification-status.projection';

/** Where each notification stands, by tracking id, for the client that asked for it. */
export const NOTIFICATION_STATUS: StateViewSlice<NotificationEvent, NotificationStatusDocument> = {
  kind: 'state-view',
  name: 'notification-status',
  title: 'Where the notification stands',
  view: { name: 'notification-status', fields: ['trackingId', 'recipientId', 'status', 'channels', 'internalTeamNotified'] },
  stream: NOTIFICATION_STREAM,
  subjects: notificationSubjectFilter(),
  events: ['NotificationCreated', 'NotificationOptedOut', 'NotificationSent', 'NotificationPartlySent', 'NotificationFailed', 'InternalTeamNotified'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/notification/:trackingId' }],
  shownTo: ['Client'],
  projection: notificationStatus,
  rules: [
    'a created notification is sending on each of its channels',
    'a notification whose recipient opted out says so, with no channel',
    'a concluded notification shows its outcome and each channel\'s status, attempts and last error',
    'the internal team told is shown',
  ],
};
