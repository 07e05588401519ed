import type { RecordedEvent } from '@libs/decider/decider';
import type { AutomationSlice } from '@libs/event-model/board';
import type { SagaEvent, SlackEvent } from '@model/notification/notification.events';
import { NOTIFICATION_SAGA_STREAM, sagaSubject, SLACK_STREAM, slackSubjectFilter } from '@stream/notification.stream';
import type { Saga, SettleOperation } from '../saga.state';
import { settleSlack } from './settle-slack.decider';

/** A Slack message that ended brings its outcome to the notification's saga. */
export const onSlackMessageEnded = ({ event }: RecordedEvent<SlackEvent>): readonly SettleOperation[] => {
  const { operationId, notificationId, attempts } = event.data;
  const sent = event.type === 'SlackMessageSent';
  return [{ type: 'SettleOperation', data: { notificationId, operationId, channel: 'slack', status: sent ? 'sent' : 'failed', attempts, lastError: sent ? '' : event.data.reason } }];
};

/** The Slack event stream's outcomes wake the saga that waits for them. */
export const SETTLE_SLACK: AutomationSlice<SagaEvent, SettleOperation, Saga, SlackEvent> = {
  kind: 'automation',
  name: 'settle-slack',
  title: 'The Slack message\'s outcome reaches the saga',
  actor: 'Saga handler',
  source: SLACK_STREAM,
  subjects: slackSubjectFilter(),
  reactsTo: ['SlackMessageSent', 'SlackMessageFailed'],
  command: { name: 'SettleOperation', fields: ['notificationId', 'operationId', 'channel', 'status', 'attempts', 'lastError'] },
  stream: NOTIFICATION_SAGA_STREAM,
  events: ['OperationSettled'],
  react: onSlackMessageEnded,
  decider: settleSlack,
  entity: ({ data }) => sagaSubject(data.notificationId),
  rules: [
    'a Slack message sent settles its operation on the saga as sent',
    'a Slack message failed settles its operation as failed, with the last error',
    'an operation settles once: its first outcome stands',
  ],
};
