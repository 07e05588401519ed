import type { AutomationSlice } from '@libs/event-model/board';
import type { EmailOperation, NotificationEvent } from '@model/notification/notification.events';
import { EMAIL_OPERATION_STREAM, emailRequestSubject, NOTIFICATION_STREAM, notificationSubjectFilter } from '@stream/notification.stream';
import type { EmailQueue, QueueEmail } from '../email-request';
import { queueEmail } from './queue-email.decider';
import { onNotificationCreated } from './queue-email.reactor';

/** A notification's email operation is queued on the email operation stream. */
export const QUEUE_EMAIL: AutomationSlice<EmailOperation, QueueEmail, EmailQueue, NotificationEvent> = {
  kind: 'automation',
  name: 'queue-email',
  title: 'The email is queued on the email channel',
  actor: 'Operation handler',
  source: NOTIFICATION_STREAM,
  subjects: notificationSubjectFilter(),
  reactsTo: ['NotificationCreated'],
  command: { name: 'QueueEmail', fields: ['operationId', 'notificationId', 'purpose', 'to', 'subject', 'body'] },
  stream: EMAIL_OPERATION_STREAM,
  events: ['EmailRequested'],
  react: onNotificationCreated,
  decider: queueEmail,
  entity: ({ data }) => emailRequestSubject(data.operationId),
  rules: [
    'a created notification with an email operation queues that email',
    'a notification without email, and other events, queue nothing',
    'an email is queued once',
  ],
};
