import type { Board } from '@libs/event-model/board';
import {
  EMAIL_OPERATION_STREAM,
  EMAIL_STREAM,
  NOTIFICATION_INTERNAL_STREAM,
  NOTIFICATION_REQUEST_STREAM,
  NOTIFICATION_SAGA_STREAM,
  NOTIFICATION_STREAM,
  notificationCommandSubjectFilter,
  SLACK_OPERATION_STREAM,
  SLACK_STREAM,
} from '@stream/notification.stream';
import { CREATE_NOTIFICATION } from './create-notification/create-notification.slice';
import { EMAIL_INTERNAL_TEAM } from './email-internal-team/email-internal-team.slice';
import { NotificationStatusController } from './notification-status/notification-status.controller';
import { NOTIFICATION_STATUS } from './notification-status/notification-status.slice';
import { NOTIFICATION_SAGA } from './notification-saga/notification-saga.slice';
import { NOTIFY_INTERNAL_TEAM } from './notify-internal-team/notify-internal-team.slice';
import { QUEUE_EMAIL } from './queue-email/queue-email.slice';
import { QUEUE_SLACK } from './queue-slack/queue-slack.slice';
import { RECORD_INTERNAL_TEAM_NOTIFIED } from './record-internal-team-notified/record-internal-team-notified.slice';
import { RegisterRecipientController } from './register-recipient/register-recipient.controller';
import { REGISTER_RECIPIENT } from './register-recipient/register-recipient.slice';
import { SEND_EMAIL } from './send-email/send-email.slice';
import { SendNotificationController } from './send-notification/send-notification.controller';
import { SEND_NOTIFICATION } from './send-notification/send-notification.slice';
import { SEND_SLACK } from './send-slack/send-slack.slice';
import { SentEmailsController } from './sent-emails/sent-emails.controller';
import { SENT_EMAILS } from './sent-emails/sent-emails.slice';
import { SETTLE_EMAIL } from './settle-email/settle-email.slice';
import { SETTLE_SLACK } from './settle-slack/settle-slack.slice';
import { START_SAGA } from './start-saga/start-saga.slice';

/**
 * Notifications: a client asks for a message to a recipient, the subsystem sends it on the channels the recipient
 * chose (email, Slack) and tracks it to the end with a saga; the seed's client, internal, channel and saga streams
 * are JetStream streams of their own.
 */
export const NOTIFICATION_BOARD: Board = {
  name: 'notification',
  title: 'Notifications',
  actors: [
    { name: 'Client', kind: 'person' },
    { name: 'Auditor', kind: 'person' },
    { name: 'Operation handler', kind: 'system' },
    { name: 'Mailbox', kind: 'system' },
    { name: 'Slack', kind: 'system' },
    { name: 'Saga handler', kind: 'system' },
    { name: 'Event stream handler', kind: 'system' },
  ],
  streams: [
    NOTIFICATION_REQUEST_STREAM,
    NOTIFICATION_STREAM,
    EMAIL_OPERATION_STREAM,
    SLACK_OPERATION_STREAM,
    EMAIL_STREAM,
    SLACK_STREAM,
    NOTIFICATION_SAGA_STREAM,
    NOTIFICATION_INTERNAL_STREAM,
  ],
  commandSubjects: notificationCommandSubjectFilter(),
  slices: [
    REGISTER_RECIPIENT,
    SEND_NOTIFICATION,
    CREATE_NOTIFICATION,
    QUEUE_EMAIL,
    QUEUE_SLACK,
    START_SAGA,
    SEND_EMAIL,
    SEND_SLACK,
    SETTLE_EMAIL,
    SETTLE_SLACK,
    NOTIFICATION_SAGA,
    NOTIFICATION_STATUS,
    NOTIFY_INTERNAL_TEAM,
    EMAIL_INTERNAL_TEAM,
    RECORD_INTERNAL_TEAM_NOTIFIED,
    SENT_EMAILS,
  ],
  controllers: [RegisterRecipientController, SendNotificationController, NotificationStatusController, SentEmailsController],
  roles: [
    {
      name: 'front',
      description: 'Takes the clients\' requests onto the client operation stream and answers their queries.',
      slices: ['register-recipient', 'send-notification', 'notification-status', 'sent-emails'],
      reads: [NOTIFICATION_STREAM],
    },
    {
      name: 'operation-handler',
      description: 'Turns client and internal operations into the notification\'s events, its channel operations and its saga.',
      slices: ['create-notification', 'queue-email', 'queue-slack', 'start-saga', 'notify-internal-team', 'email-internal-team', 'record-internal-team-notified'],
    },
    { name: 'email-bot', description: 'Sends the email operations and records how each ended.', slices: ['send-email'] },
    { name: 'slack-bot', description: 'Sends the Slack operations and records how each ended.', slices: ['send-slack'] },
    {
      name: 'saga-handler',
      description: 'Brings the channels\' outcomes to each saga and writes how the notification ended.',
      slices: ['settle-email', 'settle-slack', 'notification-saga'],
    },
  ],
};
