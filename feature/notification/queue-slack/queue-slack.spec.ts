import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { NotificationEvent, SlackMessageRequested } from '@model/notification/notification.events';
import { queueSlackMessage } from './queue-slack.decider';
import { onNotificationCreated } from './queue-slack.reactor';

const created = (channels: readonly ('email' | 'slack')[], body = 'Room 2 is yours.'): NotificationEvent => ({
  type: 'NotificationCreated',
  data: {
    notificationId: 'n-1',
    recipientId: 'ada',
    subject: 'Your booking',
    body,
    operations: channels.map((channel) => ({ channel, operationId: `op-${channel}`, address: channel === 'email' ? 'ada@example.com' : '#ada' })),
  },
});
const message: SlackMessageRequested['data'] = { operationId: 'op-slack', notificationId: 'n-1', channel: '#ada', text: '*Your booking*\nRoom 2 is yours.' };

describe('queue the Slack message', () => {
  it('a created notification with a Slack operation queues that message, the subject in bold', () =>
    expect(onNotificationCreated(recorded([created(['email', 'slack'])])[0]!)).toEqual([{ type: 'QueueSlackMessage', data: message }]));

  it('what Slack would read as markup is escaped', () =>
    expect(onNotificationCreated(recorded([created(['slack'], 'Hi <!channel> & <http://x|y>')])[0]!)[0]?.data.text).toBe(
      '*Your booking*\nHi &lt;!channel&gt; &amp; &lt;http://x|y&gt;',
    ));

  it('a notification without Slack, and other events, queue nothing', () => {
    expect(onNotificationCreated(recorded([created(['email'])])[0]!)).toEqual([]);
    expect(onNotificationCreated(recorded<NotificationEvent>([{ type: 'NotificationOptedOut', data: { notificationId: 'n-1', recipientId: 'ada' } }])[0]!)).toEqual([]);
  });

  it('a Slack message is queued once', () => {
    const spec = DeciderSpecification.for(queueSlackMessage);
    spec.given([]).when({ type: 'QueueSlackMessage', data: message }).then([{ type: 'SlackMessageRequested', data: message }]);
    spec.given([{ type: 'SlackMessageRequested', data: message }]).when({ type: 'QueueSlackMessage', data: message }).thenNothingHappens();
  });
});
