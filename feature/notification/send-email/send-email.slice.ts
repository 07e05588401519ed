import type { EffectSlice } from '@libs/event-model/board';
import type { EmailEvent, EmailOperation } from '@model/notification/notification.events';
import { EMAIL_OPERATION_STREAM, EMAIL_STREAM, emailRequestSubjectFilter, emailSubject } from '@stream/notification.stream';
import { NOTIFY_ATTEMPTS, NOTIFY_BACKOFF_MS } from '../notification.settings';
import { recordEmailOutcome, type EmailRecord, type RecordEmailOutcome } from './send-email.decider';
import { emailFor, emailOutcome, emailWanted, type NotificationEmail } from './send-email.effect';

/** The email bot sends each queued email over SMTP (or into the local outbox) and records how it ended on the email event stream. */
export const SEND_EMAIL: EffectSlice<EmailEvent, NotificationEmail, RecordEmailOutcome, EmailRecord, EmailOperation> = {
  kind: 'effect',
  name: 'send-email',
  title: 'The email bot sends the email',
  actor: 'Mailbox',
  source: EMAIL_OPERATION_STREAM,
  subjects: emailRequestSubjectFilter(),
  reactsTo: ['EmailRequested'],
  command: { name: 'RecordEmailOutcome', fields: ['operationId', 'notificationId', 'purpose', 'to', 'subject', 'attempts', 'succeeded', 'reason'] },
  stream: EMAIL_STREAM,
  events: ['EmailSent', 'EmailFailed'],
  sender: { name: 'email', settings: {} },
  retry: { attempts: NOTIFY_ATTEMPTS, backoffMs: NOTIFY_BACKOFF_MS },
  target: ({ event }) => emailSubject(event.data.operationId),
  request: emailFor,
  wanted: emailWanted,
  outcome: emailOutcome,
  decider: recordEmailOutcome,
  entity: ({ data }) => emailSubject(data.operationId),
  rules: [
    'a queued email asks to be sent, keyed by its operation id',
    'an email is wanted until its outcome is recorded',
    'an email taken is recorded as sent, with its attempts',
    'an email given up on is recorded as failed, with the reason and the attempts',
    'an outcome recorded again changes nothing',
  ],
};
