import type { RecordedEvent } from '@libs/decider/decider';
import type { AutomationSlice } from '@libs/event-model/board';
import type { InternalOperation, NotificationEvent } from '@model/notification/notification.events';
import type { ChannelResult } from '@model/notification/notification.fields';
import { internalRequestSubject, NOTIFICATION_INTERNAL_STREAM, NOTIFICATION_STREAM, notificationSubjectFilter } from '@stream/notification.stream';
import { requestInternalNotice, type RequestInternalNotice } from './notify-internal-team.decider';

/** What the internal team is told of each channel: `slack failed after 5 attempts: Slack answered 500`. */
const summaryOf = (channels: readonly ChannelResult[]): string =>
  channels
    .map(({ channel, status, attempts, lastError }) => (status === 'sent' ? `${channel} sent after ${attempts} attempt(s)` : `${channel} failed after ${attempts} attempt(s): ${lastError}`))
    .join('\n');

/** A notification that went out on some channels only, or on none, calls for a notice to the internal team. */
export const onNotificationFellShort = ({ event }: RecordedEvent<NotificationEvent>): readonly RequestInternalNotice[] => {
  if (event.type !== 'NotificationPartlySent' && event.type !== 'NotificationFailed') return [];
  const outcome = event.type === 'NotificationFailed' ? 'failed' : 'sent-on-some';
  return [{ type: 'RequestInternalNotice', data: { notificationId: event.data.notificationId, outcome, summary: summaryOf(event.data.channels) } }];
};

/** The event stream handler queues, on the internal operation stream, a notice about each notification that fell short. */
export const NOTIFY_INTERNAL_TEAM: AutomationSlice<InternalOperation, RequestInternalNotice, { readonly queued: boolean }, NotificationEvent> = {
  kind: 'automation',
  name: 'notify-internal-team',
  title: 'A notice to the internal team is queued',
  actor: 'Event stream handler',
  source: NOTIFICATION_STREAM,
  subjects: notificationSubjectFilter(),
  reactsTo: ['NotificationPartlySent', 'NotificationFailed'],
  command: { name: 'RequestInternalNotice', fields: ['notificationId', 'outcome', 'summary'] },
  stream: NOTIFICATION_INTERNAL_STREAM,
  events: ['InternalTeamNoticeRequested'],
  react: onNotificationFellShort,
  decider: requestInternalNotice,
  entity: ({ data }) => internalRequestSubject(data.notificationId),
  rules: [
    'a notification sent on some channels only, or on none, calls for a notice with each channel\'s outcome',
    'a notification sent everywhere, and other events, call for nothing',
    'a notice is queued once',
  ],
};
