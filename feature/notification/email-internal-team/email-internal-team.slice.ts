import type { RecordedEvent } from '@libs/decider/decider';
import type { AutomationSlice, SettingValues } from '@libs/event-model/board';
import type { EmailOperation, InternalOperation } from '@model/notification/notification.events';
import { EMAIL_OPERATION_STREAM, emailRequestSubject, internalRequestSubjectFilter, NOTIFICATION_INTERNAL_STREAM } from '@stream/notification.stream';
import type { EmailQueue, QueueEmail } from '../email-request';
import { internalTeamOperationIdOf } from '../notification.ids';
import { NOTIFY_INTERNAL_TEAM_EMAIL } from '../notification.settings';
import { queueInternalTeamEmail } from './email-internal-team.decider';

/** A queued notice becomes an email to the internal team, on the email operation stream. */
export const onNoticeRequested = ({ event }: RecordedEvent<InternalOperation>, settings: SettingValues): readonly QueueEmail[] => {
  const { notificationId, outcome, summary } = event.data;
  return [
    {
      type: 'QueueEmail',
      data: {
        operationId: internalTeamOperationIdOf(notificationId),
        notificationId,
        purpose: 'internal-team',
        to: String(settings.to),
        subject: `Notification ${notificationId}: ${outcome === 'failed' ? 'sent on no channel' : 'sent on some channels only'}`,
        body: `Notification ${notificationId} ended ${outcome}.\n\n${summary}\n`,
      },
    },
  ];
};

/** The internal operation handler emails the internal team about each notification that fell short. */
export const EMAIL_INTERNAL_TEAM: AutomationSlice<EmailOperation, QueueEmail, EmailQueue, InternalOperation> = {
  kind: 'automation',
  name: 'email-internal-team',
  title: 'The internal team\'s email is queued',
  actor: 'Operation handler',
  source: NOTIFICATION_INTERNAL_STREAM,
  subjects: internalRequestSubjectFilter(),
  reactsTo: ['InternalTeamNoticeRequested'],
  command: { name: 'QueueEmail', fields: ['operationId', 'notificationId', 'purpose', 'to', 'subject', 'body'] },
  stream: EMAIL_OPERATION_STREAM,
  events: ['EmailRequested'],
  settings: { to: NOTIFY_INTERNAL_TEAM_EMAIL },
  react: onNoticeRequested,
  decider: queueInternalTeamEmail,
  entity: ({ data }) => emailRequestSubject(data.operationId),
  rules: ['a notice becomes an email to the internal team, saying how the notification ended on each channel', 'the internal team\'s email is queued once'],
};
