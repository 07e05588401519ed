import type { EventContract } from '@libs/event-model/event-contract';
import { EMAIL_FAILED, type EmailFailed } from './email-failed.event';
import { EMAIL_REQUESTED, type EmailRequested } from './email-requested.event';
import { EMAIL_SENT, type EmailSent } from './email-sent.event';
import { INTERNAL_TEAM_NOTICE_REQUESTED, type InternalTeamNoticeRequested } from './internal-team-notice-requested.event';
import { INTERNAL_TEAM_NOTIFIED, type InternalTeamNotified } from './internal-team-notified.event';
import { NOTIFICATION_CREATED, type NotificationCreated } from './notification-created.event';
import { NOTIFICATION_FAILED, type NotificationFailed } from './notification-failed.event';
import { NOTIFICATION_OPTED_OUT, type NotificationOptedOut } from './notification-opted-out.event';
import { NOTIFICATION_PARTLY_SENT, type NotificationPartlySent } from './notification-partly-sent.event';
import { NOTIFICATION_SENT, type NotificationSent } from './notification-sent.event';
import { OPERATION_SETTLED, type OperationSettled } from './operation-settled.event';
import { RECIPIENT_REGISTERED, type RecipientRegistered } from './recipient-registered.event';
import { SAGA_COMPLETED, type SagaCompleted } from './saga-completed.event';
import { SAGA_STARTED, type SagaStarted } from './saga-started.event';
import { SEND_NOTIFICATION_REQUESTED, type SendNotificationRequested } from './send-notification-requested.event';
import { SLACK_MESSAGE_FAILED, type SlackMessageFailed } from './slack-message-failed.event';
import { SLACK_MESSAGE_REQUESTED, type SlackMessageRequested } from './slack-message-requested.event';
import { SLACK_MESSAGE_SENT, type SlackMessageSent } from './slack-message-sent.event';

export type {
  EmailFailed,
  EmailRequested,
  EmailSent,
  InternalTeamNoticeRequested,
  InternalTeamNotified,
  NotificationCreated,
  NotificationFailed,
  NotificationOptedOut,
  NotificationPartlySent,
  NotificationSent,
  OperationSettled,
  RecipientRegistered,
  SagaCompleted,
  SagaStarted,
  SendNotificationRequested,
  SlackMessageFailed,
  SlackMessageRequested,
  SlackMessageSent,
};

/** The notification event stream: recipients and notifications, what the subsystem knows and decided. */
export type RecipientEvent = RecipientRegistered;
export type NotificationEvent = NotificationCreated | NotificationOptedOut | NotificationSent | NotificationPartlySent | NotificationFailed | InternalTeamNotified;
/** The notification's outcome, whichever way it ended on its channels. */
export type NotificationConcluded = NotificationSent | NotificationPartlySent | NotificationFailed;

/** The client operation stream: what clients asked for. */
export type ClientOperation = SendNotificationRequested;
/** The internal operation stream: the subsystem's own follow-ups. */
export type InternalOperation = InternalTeamNoticeRequested;
/** The email and Slack operation streams: messages queued on a channel. */
export type EmailOperation = EmailRequested;
export type SlackOperation = SlackMessageRequested;
/** The saga stream: each notification's saga, waiting for its operations. */
export type SagaEvent = SagaStarted | OperationSettled | SagaCompleted;
/** The email and Slack event streams: how each message ended. */
export type EmailEvent = EmailSent | EmailFailed;
export type SlackEvent = SlackMessageSent | SlackMessageFailed;

const contracts = <T extends string>(all: Readonly<Record<T, EventContract>>): { readonly contracts: Readonly<Record<T, EventContract>>; readonly types: readonly T[] } => ({
  contracts: all,
  types: Object.keys(all) as T[],
});

/** Each stream's contracts (version, meaning, fields, example) and event types. */
export const NOTIFICATION_EVENTS = contracts<RecipientEvent['type'] | NotificationEvent['type']>({
  RecipientRegistered: RECIPIENT_REGISTERED,
  NotificationCreated: NOTIFICATION_CREATED,
  NotificationOptedOut: NOTIFICATION_OPTED_OUT,
  NotificationSent: NOTIFICATION_SENT,
  NotificationPartlySent: NOTIFICATION_PARTLY_SENT,
  NotificationFailed: NOTIFICATION_FAILED,
  InternalTeamNotified: INTERNAL_TEAM_NOTIFIED,
});
export const CLIENT_OPERATIONS = contracts<ClientOperation['type']>({ SendNotificationRequested: SEND_NOTIFICATION_REQUESTED });
export const INTERNAL_OPERATIONS = contracts<InternalOperation['type']>({ InternalTeamNoticeRequested: INTERNAL_TEAM_NOTICE_REQUESTED });
export const EMAIL_OPERATIONS = contracts<EmailOperation['type']>({ EmailRequested: EMAIL_REQUESTED });
export const SLACK_OPERATIONS = contracts<SlackOperation['type']>({ SlackMessageRequested: SLACK_MESSAGE_REQUESTED });
export const SAGA_EVENTS = contracts<SagaEvent['type']>({ SagaStarted: SAGA_STARTED, OperationSettled: OPERATION_SETTLED, SagaCompleted: SAGA_COMPLETED });
export const EMAIL_EVENTS = contracts<EmailEvent['type']>({ EmailSent: EMAIL_SENT, EmailFailed: EMAIL_FAILED });
export const SLACK_EVENTS = contracts<SlackEvent['type']>({ SlackMessageSent: SLACK_MESSAGE_SENT, SlackMessageFailed: SLACK_MESSAGE_FAILED });
