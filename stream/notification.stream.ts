import { fillSubject, type EventStreamDefinition, type StreamEntity } from '@libs/event-model/event-stream';
import { subjectToken } from '@libs/ids/entity-id';
import {
  CLIENT_OPERATIONS,
  EMAIL_EVENTS,
  EMAIL_OPERATIONS,
  INTERNAL_OPERATIONS,
  NOTIFICATION_EVENTS,
  SAGA_EVENTS,
  SLACK_EVENTS,
  SLACK_OPERATIONS,
} from '@model/notification/notification.events';
import { commandSubject, commandSubjectFilter } from './command-subjects';

/**
 * The notification subsystem's streams, as its design has them: each kind of stream its own JetStream stream, so
 * that who may write and who may read each one is a NATS permission on its subjects. Operation streams hold work
 * queued for a handler (one entity per operation); event streams hold what happened; the saga stream holds each
 * notification's saga.
 */
const entity = (name: string, description: string, subject: string, param: string, meaning: string, eventTypes: readonly string[]): StreamEntity => ({
  name,
  description,
  subject,
  params: { [param]: meaning },
  eventTypes,
});

const stream = (
  name: string,
  entities: readonly StreamEntity[],
  events: { readonly contracts: EventStreamDefinition['contracts']; readonly types: readonly string[] },
): EventStreamDefinition => ({
  name,
  subjects: entities.map(({ subject }) => subject.replace(/\{\w+\}/g, '*')),
  typePrefix: 'notification',
  eventTypes: events.types,
  entities,
  contracts: events.contracts,
});

const NOTIFICATION_MEANING = 'The notification\'s id, its tracking id';
const OPERATION_MEANING = 'The operation\'s id (a UUID derived from the notification and the channel)';

const RECIPIENT = entity('recipient', 'One recipient: the channels they want and where each reaches them.', 'notification.recipient.{recipientId}', 'recipientId', 'The recipient\'s id', ['RecipientRegistered']);
const NOTIFICATION = entity(
  'notification',
  'One notification: created, then sent on all, some or none of its channels (or opted out), and the internal team told when it did not go out everywhere.',
  'notification.notification.{notificationId}',
  'notificationId',
  NOTIFICATION_MEANING,
  NOTIFICATION_EVENTS.types.filter((type) => type !== 'RecipientRegistered'),
);
const REQUEST = entity('request', 'One client operation: a notification a client asked for.', 'notification.request.{notificationId}', 'notificationId', NOTIFICATION_MEANING, CLIENT_OPERATIONS.types);
const INTERNAL = entity('internal-request', 'One internal operation: a notice to the internal team about a notification.', 'notification.internal.{notificationId}', 'notificationId', NOTIFICATION_MEANING, INTERNAL_OPERATIONS.types);
const EMAIL_OP = entity('email-request', 'One email queued on the email channel.', 'notification.email-op.{operationId}', 'operationId', OPERATION_MEANING, EMAIL_OPERATIONS.types);
const SLACK_OP = entity('slack-request', 'One Slack message queued on the Slack channel.', 'notification.slack-op.{operationId}', 'operationId', OPERATION_MEANING, SLACK_OPERATIONS.types);
const SAGA = entity('saga', 'One notification\'s saga: the operations it waits for, their outcomes, and its end.', 'notification.saga.{notificationId}', 'notificationId', NOTIFICATION_MEANING, SAGA_EVENTS.types);
const EMAIL = entity('email', 'One email\'s outcome: sent, or failed after its attempts.', 'notification.email.{operationId}', 'operationId', OPERATION_MEANING, EMAIL_EVENTS.types);
const SLACK = entity('slack-message', 'One Slack message\'s outcome: sent, or failed after its attempts.', 'notification.slack.{operationId}', 'operationId', OPERATION_MEANING, SLACK_EVENTS.types);

/** The notification event stream: recipients and notifications. */
export const NOTIFICATION_STREAM = stream('NOTIFICATION', [RECIPIENT, NOTIFICATION], NOTIFICATION_EVENTS);
/** The client operation stream: notifications clients asked for. Written by the front only. */
export const NOTIFICATION_REQUEST_STREAM = stream('NOTIFICATION_REQUESTS', [REQUEST], CLIENT_OPERATIONS);
/** The internal operation stream: the subsystem's own follow-ups. */
export const NOTIFICATION_INTERNAL_STREAM = stream('NOTIFICATION_INTERNAL', [INTERNAL], INTERNAL_OPERATIONS);
/** The email operation stream: emails to send. */
export const EMAIL_OPERATION_STREAM = stream('NOTIFICATION_EMAIL_OPS', [EMAIL_OP], EMAIL_OPERATIONS);
/** The Slack operation stream: Slack messages to send. */
export const SLACK_OPERATION_STREAM = stream('NOTIFICATION_SLACK_OPS', [SLACK_OP], SLACK_OPERATIONS);
/** The saga stream: one saga per notification. */
export const NOTIFICATION_SAGA_STREAM = stream('NOTIFICATION_SAGAS', [SAGA], SAGA_EVENTS);
/** The email event stream: how each email ended. */
export const EMAIL_STREAM = stream('NOTIFICATION_EMAILS', [EMAIL], EMAIL_EVENTS);
/** The Slack event stream: how each Slack message ended. */
export const SLACK_STREAM = stream('NOTIFICATION_SLACK', [SLACK], SLACK_EVENTS);

export const recipientSubject = (recipientId: string): string => fillSubject(RECIPIENT, { recipientId: subjectToken(recipientId) });
export const notificationSubject = (notificationId: string): string => fillSubject(NOTIFICATION, { notificationId: subjectToken(notificationId) });
export const notificationRequestSubject = (notificationId: string): string => fillSubject(REQUEST, { notificationId: subjectToken(notificationId) });
export const internalRequestSubject = (notificationId: string): string => fillSubject(INTERNAL, { notificationId: subjectToken(notificationId) });
export const emailRequestSubject = (operationId: string): string => fillSubject(EMAIL_OP, { operationId: subjectToken(operationId) });
export const slackRequestSubject = (operationId: string): string => fillSubject(SLACK_OP, { operationId: subjectToken(operationId) });
export const sagaSubject = (notificationId: string): string => fillSubject(SAGA, { notificationId: subjectToken(notificationId) });
export const emailSubject = (operationId: string): string => fillSubject(EMAIL, { operationId: subjectToken(operationId) });
export const slackSubject = (operationId: string): string => fillSubject(SLACK, { operationId: subjectToken(operationId) });

/** Every notification (not the recipients). */
export const notificationSubjectFilter = (): string => fillSubject(NOTIFICATION, { notificationId: '*' });
export const notificationRequestSubjectFilter = (): string => fillSubject(REQUEST, { notificationId: '*' });
export const internalRequestSubjectFilter = (): string => fillSubject(INTERNAL, { notificationId: '*' });
export const emailRequestSubjectFilter = (): string => fillSubject(EMAIL_OP, { operationId: '*' });
export const slackRequestSubjectFilter = (): string => fillSubject(SLACK_OP, { operationId: '*' });
export const sagaSubjectFilter = (): string => fillSubject(SAGA, { notificationId: '*' });
export const emailSubjectFilter = (): string => fillSubject(EMAIL, { operationId: '*' });
export const slackSubjectFilter = (): string => fillSubject(SLACK, { operationId: '*' });

/** NATS request/reply subjects of the notification commands: `cmd.notification.<command>`. */
export const notificationCommandSubject = (command: string): string => commandSubject('notification', command);

/** Every command of the notification subsystem, for permissions and subscriptions. */
export const notificationCommandSubjectFilter = (): string => commandSubjectFilter('notification');
