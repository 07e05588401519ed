import type { AutomationSlice } from '@libs/event-model/board';
import type { NotificationEvent, SlackOperation } from '@model/notification/notification.events';
import { NOTIFICATION_STREAM, notificationSubjectFilter, SLACK_OPERATION_STREAM, slackRequestSubject } from '@stream/notification.stream';
import { queueSlackMessage, type QueueSlackMessage } from './queue-slack.decider';
import { onNotificationCreated } from './queue-slack.reactor';

/** A notification's Slack operation is queued on the Slack operation stream. */
export const QUEUE_SLACK: AutomationSlice<SlackOperation, QueueSlackMessage, { readonly queued: boolean }, NotificationEvent> = {
  kind: 'automation',
  name: 'queue-slack',
  title: 'The Slack message is queued on the Slack channel',
  actor: 'Operation handler',
  source: NOTIFICATION_STREAM,
  subjects: notificationSubjectFilter(),
  reactsTo: ['NotificationCreated'],
  command: { name: 'QueueSlackMessage', fields: ['operationId', 'notificationId', 'channel', 'text'] },
  stream: SLACK_OPERATION_STREAM,
  events: ['SlackMessageRequested'],
  react: onNotificationCreated,
  decider: queueSlackMessage,
  entity: ({ data }) => slackRequestSubject(data.operationId),
  rules: [
    'a created notification with a Slack operation queues that message, the subject in bold',
    'what Slack would read as markup is escaped',
    'a notification without Slack, and other events, queue nothing',
    'a Slack message is queued once',
  ],
};
