import type { RecordedEvent } from '@libs/decider/decider';
import type { AutomationSlice, SettingValues } from '@libs/event-model/board';
import type { InternalOperation, NotificationEvent } from '@model/notification/notification.events';
import { internalRequestSubjectFilter, NOTIFICATION_INTERNAL_STREAM, NOTIFICATION_STREAM, notificationSubject } from '@stream/notification.stream';
import { internalTeamOperationIdOf } from '../notification.ids';
import type { NotificationState } from '../notification.state';
import { NOTIFY_INTERNAL_TEAM_EMAIL } from '../notification.settings';
import { recordInternalTeamNotified, type RecordInternalTeamNotified } from './record-internal-team-notified.decider';

/** A queued notice is recorded on its notification, with the email that carries it. */
export const onNoticeRequested = ({ event }: RecordedEvent<InternalOperation>, settings: SettingValues): readonly RecordInternalTeamNotified[] => {
  const { notificationId } = event.data;
  return [{ type: 'RecordInternalTeamNotified', data: { notificationId, operationId: internalTeamOperationIdOf(notificationId), to: String(settings.to) } }];
};

/** The internal operation handler records on the notification that the internal team was told, as the seed's aggregate does. */
export const RECORD_INTERNAL_TEAM_NOTIFIED: AutomationSlice<NotificationEvent, RecordInternalTeamNotified, NotificationState, InternalOperation> = {
  kind: 'automation',
  name: 'record-internal-team-notified',
  title: 'The notification records that the internal team was told',
  actor: 'Operation handler',
  source: NOTIFICATION_INTERNAL_STREAM,
  subjects: internalRequestSubjectFilter(),
  reactsTo: ['InternalTeamNoticeRequested'],
  command: { name: 'RecordInternalTeamNotified', fields: ['notificationId', 'operationId', 'to'] },
  stream: NOTIFICATION_STREAM,
  events: ['InternalTeamNotified'],
  settings: { to: NOTIFY_INTERNAL_TEAM_EMAIL },
  react: onNoticeRequested,
  decider: recordInternalTeamNotified,
  entity: ({ data }) => notificationSubject(data.notificationId),
  rules: ['a notice is recorded on its notification, with the email that carries it', 'a notification records it once'],
};
