import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { SendNotificationRequested } from '@model/notification/notification.events';
import { sendNotification, type SendNotification } from './send-notification.decider';

const AT = '2026-12-03T08:00:00.000Z';
const channels = [{ channel: 'email' as const, address: 'ada@example.com' }];
const ask = (data: Partial<SendNotification['data']> = {}): SendNotification => ({
  type: 'SendNotification',
  data: { notificationId: 'n-1', recipientId: 'ada', subject: 'Your booking', body: 'Room 2 is yours.', requestedAt: AT, recipient: { channels }, ...data },
});
const requested: SendNotificationRequested = {
  type: 'SendNotificationRequested',
  data: { notificationId: 'n-1', recipientId: 'ada', subject: 'Your booking', body: 'Room 2 is yours.', channels, requestedAt: AT },
};
const spec = DeciderSpecification.for(sendNotification);

describe('send a notification', () => {
  it('a notification to a registered recipient is requested with the recipient\'s channels as they are now', () =>
    spec.given([]).when(ask()).then([requested]));

  it('the recipient must exist', () => spec.given([]).when(ask({ recipient: undefined })).thenRefuses('recipient-must-exist'));

  it('the same notification id with the same request changes nothing', () => {
    spec.given([requested]).when(ask()).thenNothingHappens();
    spec.given([requested]).when(ask({ requestedAt: '2026-12-03T09:00:00.000Z', recipient: { channels: [] } })).thenNothingHappens();
  });

  it('the same notification id with another recipient, subject or body is refused', () => {
    spec.given([requested]).when(ask({ subject: 'Another' })).thenRefuses('notification-id-taken');
    spec.given([requested]).when(ask({ recipientId: 'bob' })).thenRefuses('notification-id-taken');
    spec.given([requested]).when(ask({ body: 'Another' })).thenRefuses('notification-id-taken');
  });
});
