import type { RecordedEvent } from '@libs/decider/decider';
import type { AutomationSlice } from '@libs/event-model/board';
import type { EmailEvent, SagaEvent } from '@model/notification/notification.events';
import { EMAIL_STREAM, emailSubjectFilter, NOTIFICATION_SAGA_STREAM, sagaSubject } from '@stream/notification.stream';
import type { Saga, SettleOperation } from '../saga.state';
import { settleEmail } from './settle-email.decider';

/** A notification's email that ended brings its outcome to the notification's saga; the internal team's emails have no saga. */
export const onEmailEnded = ({ event }: RecordedEvent<EmailEvent>): readonly SettleOperation[] => {
  const { operationId, notificationId, purpose, attempts } = event.data;
  if (purpose !== 'recipient') return [];
  const sent = event.type === 'EmailSent';
  return [{ type: 'SettleOperation', data: { notificationId, operationId, channel: 'email', status: sent ? 'sent' : 'failed', attempts, lastError: sent ? '' : event.data.reason } }];
};

/** The email event stream's outcomes wake the saga that waits for them. */
export const SETTLE_EMAIL: AutomationSlice<SagaEvent, SettleOperation, Saga, EmailEvent> = {
  kind: 'automation',
  name: 'settle-email',
  title: 'The email\'s outcome reaches the saga',
  actor: 'Saga handler',
  source: EMAIL_STREAM,
  subjects: emailSubjectFilter(),
  reactsTo: ['EmailSent', 'EmailFailed'],
  command: { name: 'SettleOperation', fields: ['notificationId', 'operationId', 'channel', 'status', 'attempts', 'lastError'] },
  stream: NOTIFICATION_SAGA_STREAM,
  events: ['OperationSettled'],
  react: onEmailEnded,
  decider: settleEmail,
  entity: ({ data }) => sagaSubject(data.notificationId),
  rules: [
    'an email sent settles its operation on the saga as sent',
    'an email failed settles its operation as failed, with the last error',
    'the internal team\'s emails settle nothing',
    'an operation settles once: its first outcome stands',
  ],
};
