import type { EffectSlice } from '@libs/event-model/board';
import type { SlackEvent, SlackOperation } from '@model/notification/notification.events';
import { SLACK_OPERATION_STREAM, SLACK_STREAM, slackRequestSubjectFilter, slackSubject } from '@stream/notification.stream';
import { NOTIFY_ATTEMPTS, NOTIFY_BACKOFF_MS } from '../notification.settings';
import { recordSlackOutcome, type RecordSlackOutcome, type SlackRecord } from './send-slack.decider';
import { slackMessageFor, slackOutcome, slackWanted, type NotificationSlackMessage } from './send-slack.effect';

/** The Slack bot posts each queued message to Slack's incoming webhook (or into the local outbox) and records how it ended. */
export const SEND_SLACK: EffectSlice<SlackEvent, NotificationSlackMessage, RecordSlackOutcome, SlackRecord, SlackOperation> = {
  kind: 'effect',
  name: 'send-slack',
  title: 'The Slack bot posts the message',
  actor: 'Slack',
  source: SLACK_OPERATION_STREAM,
  subjects: slackRequestSubjectFilter(),
  reactsTo: ['SlackMessageRequested'],
  command: { name: 'RecordSlackOutcome', fields: ['operationId', 'notificationId', 'channel', 'attempts', 'succeeded', 'reason'] },
  stream: SLACK_STREAM,
  events: ['SlackMessageSent', 'SlackMessageFailed'],
  sender: { name: 'slack', settings: {} },
  retry: { attempts: NOTIFY_ATTEMPTS, backoffMs: NOTIFY_BACKOFF_MS },
  target: ({ event }) => slackSubject(event.data.operationId),
  request: slackMessageFor,
  wanted: slackWanted,
  outcome: slackOutcome,
  decider: recordSlackOutcome,
  entity: ({ data }) => slackSubject(data.operationId),
  rules: [
    'a queued Slack message asks to be posted, keyed by its operation id',
    'a Slack message is wanted until its outcome is recorded',
    'a message taken is recorded as sent, with its attempts',
    'a message given up on is recorded as failed, with the reason and the attempts',
    'an outcome recorded again changes nothing',
  ],
};
