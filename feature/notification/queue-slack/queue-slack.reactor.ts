import type { RecordedEvent } from '@libs/decider/decider';
import type { NotificationEvent } from '@model/notification/notification.events';
import type { QueueSlackMessage } from './queue-slack.decider';

/** Text as Slack reads it: `&`, `<` and `>` escaped, so a body cannot mention `@channel` or forge a link. */
const slackEscaped = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A created notification with a Slack operation queues that message: the subject in bold, then the body. */
export const onNotificationCreated = ({ event }: RecordedEvent<NotificationEvent>): readonly QueueSlackMessage[] => {
  if (event.type !== 'NotificationCreated') return [];
  const { notificationId, subject, body, operations } = event.data;
  return operations
    .filter(({ channel }) => channel === 'slack')
    .map(({ operationId, address }) => ({
      type: 'QueueSlackMessage',
      data: { operationId, notificationId, channel: address, text: `*${slackEscaped(subject)}*\n${slackEscaped(body)}` },
    }));
};
