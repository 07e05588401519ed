import { ProjectionSpecification } from '@libs/testing/given-when-then';
import type { NotificationEvent } from '@model/notification/notification.events';
import type { ChannelResult } from '@model/notification/notification.fields';
import { notificationStatus } from './notification-status.projection';

const created: NotificationEvent = {
  type: 'NotificationCreated',
  data: {
    notificationId: 'n-1',
    recipientId: 'ada',
    subject: 'S',
    body: 'B',
    operations: [
      { channel: 'email', operationId: 'op-email', address: 'ada@example.com' },
      { channel: 'slack', operationId: 'op-slack', address: '#ada' },
    ],
  },
};
const channels: ChannelResult[] = [
  { channel: 'email', operationId: 'op-email', status: 'sent', attempts: 1, lastError: '' },
  { channel: 'slack', operationId: 'op-slack', status: 'failed', attempts: 5, lastError: 'Slack answered 500' },
];
const spec = ProjectionSpecification.for(notificationStatus);

describe('where the notification stands', () => {
  it('a created notification is sending on each of its channels', () =>
    spec.given([created]).then({
      'n-1': {
        trackingId: 'n-1',
        recipientId: 'ada',
        status: 'sending',
        channels: [
          { channel: 'email', status: 'sending', attempts: 0, lastError: null },
          { channel: 'slack', status: 'sending', attempts: 0, lastError: null },
        ],
        internalTeamNotified: false,
      },
    }));

  it('a notification whose recipient opted out says so, with no channel', () =>
    spec.given([{ type: 'NotificationOptedOut', data: { notificationId: 'n-2', recipientId: 'bob' } }]).then({
      'n-2': { trackingId: 'n-2', recipientId: 'bob', status: 'opted-out', channels: [], internalTeamNotified: false },
    }));

  it('a concluded notification shows its outcome and each channel\'s status, attempts and last error', () =>
    spec.given([created, { type: 'NotificationPartlySent', data: { notificationId: 'n-1', channels } }]).then({
      'n-1': {
        trackingId: 'n-1',
        recipientId: 'ada',
        status: 'sent-on-some',
        channels: [
          { channel: 'email', status: 'sent', attempts: 1, lastError: null },
          { channel: 'slack', status: 'failed', attempts: 5, lastError: 'Slack answered 500' },
        ],
        internalTeamNotified: false,
      },
    }));

  it('the internal team told is shown', () =>
    spec
      .given([created, { type: 'NotificationFailed', data: { notificationId: 'n-1', channels } }, { type: 'InternalTeamNotified', data: { notificationId: 'n-1', operationId: 'op-team', to: 'ops@example.com' } }])
      .then({
        'n-1': {
          trackingId: 'n-1',
          recipientId: 'ada',
          status: 'failed',
          channels: [
            { channel: 'email', status: 'sent', attempts: 1, lastError: null },
            { channel: 'slack', status: 'failed', attempts: 5, lastError: 'Slack answered 500' },
          ],
          internalTeamNotified: true,
        },
      }));
});
