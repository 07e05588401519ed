import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { EmailRequested, NotificationEvent } from '@model/notification/notification.events';
import { queueEmail } from './queue-email.decider';
import { onNotificationCreated } from './queue-email.reactor';

const created = (channels: readonly ('email' | 'slack')[]): NotificationEvent => ({
  type: 'NotificationCreated',
  data: {
    notificationId: 'n-1',
    recipientId: 'ada',
    subject: 'Your booking',
    body: 'Room 2 is yours.',
    operations: channels.map((channel) => ({ channel, operationId: `op-${channel}`, address: channel === 'email' ? 'ada@example.com' : '#ada' })),
  },
});
const email: EmailRequested['data'] = { operationId: 'op-email', notificationId: 'n-1', purpose: 'recipient', to: 'ada@example.com', subject: 'Your booking', body: 'Room 2 is yours.' };

describe('queue the email', () => {
  it('a created notification with an email operation queues that email', () =>
    expect(onNotificationCreated(recorded([created(['email', 'slack'])])[0]!)).toEqual([{ type: 'QueueEmail', data: email }]));

  it('a notification without email, and other events, queue nothing', () => {
    expect(onNotificationCreated(recorded([created(['slack'])])[0]!)).toEqual([]);
    expect(onNotificationCreated(recorded<NotificationEvent>([{ type: 'NotificationOptedOut', data: { notificationId: 'n-1', recipientId: 'ada' } }])[0]!)).toEqual([]);
  });

  it('an email is queued once', () => {
    const spec = DeciderSpecification.for(queueEmail);
    spec.given([]).when({ type: 'QueueEmail', data: email }).then([{ type: 'EmailRequested', data: email }]);
    spec.given([{ type: 'EmailRequested', data: email }]).when({ type: 'QueueEmail', data: email }).thenNothingHappens();
  });
});
