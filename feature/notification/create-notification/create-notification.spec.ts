import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { NotificationCreated, SendNotificationRequested } from '@model/notification/notification.events';
import { operationIdOf } from '../notification.ids';
import { createNotification, type CreateNotification } from './create-notification.decider';
import { onNotificationRequested } from './create-notification.reactor';

const channels = [
  { channel: 'email' as const, address: 'ada@example.com' },
  { channel: 'slack' as const, address: '#ada' },
];
const request = { notificationId: 'n-1', recipientId: 'ada', subject: 'Your booking', body: 'Room 2 is yours.', channels };
const create = (data: CreateNotification['data'] = request): CreateNotification => ({ type: 'CreateNotification', data });
const created: NotificationCreated = {
  type: 'NotificationCreated',
  data: {
    notificationId: 'n-1',
    recipientId: 'ada',
    subject: 'Your booking',
    body: 'Room 2 is yours.',
    operations: [
      { channel: 'email', operationId: operationIdOf('n-1', 'email'), address: 'ada@example.com' },
      { channel: 'slack', operationId: operationIdOf('n-1', 'slack'), address: '#ada' },
    ],
  },
};
const spec = DeciderSpecification.for(createNotification);

describe('create the notification', () => {
  it('every requested notification is taken on', () => {
    const requested: SendNotificationRequested = { type: 'SendNotificationRequested', data: { ...request, requestedAt: '2026-12-03T08:00:00.000Z' } };
    expect(onNotificationRequested(recorded([requested])[0]!)).toEqual([create()]);
  });

  it('a requested notification is created with one operation per channel of its recipient', () => {
    spec.given([]).when(create()).then([created]);
    expect(operationIdOf('n-1', 'email')).not.toBe(operationIdOf('n-1', 'slack'));
    expect(operationIdOf('n-1', 'email')).not.toBe(operationIdOf('n-2', 'email'));
  });

  it('a recipient with no channel opted out of the notification', () =>
    spec.given([]).when(create({ ...request, channels: [] })).then([{ type: 'NotificationOptedOut', data: { notificationId: 'n-1', recipientId: 'ada' } }]));

  it('a request taken on again changes nothing', () => {
    spec.given([created]).when(create()).thenNothingHappens();
    spec.given([{ type: 'NotificationOptedOut', data: { notificationId: 'n-1', recipientId: 'ada' } }]).when(create()).thenNothingHappens();
  });
});
