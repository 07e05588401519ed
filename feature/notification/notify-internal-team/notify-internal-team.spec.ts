import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { NotificationEvent } from '@model/notification/notification.events';
import type { ChannelResult } from '@model/notification/notification.fields';
import { requestInternalNotice } from './notify-internal-team.decider';
import { onNotificationFellShort } from './notify-internal-team.slice';

const channels: ChannelResult[] = [
  { channel: 'email', operationId: 'op-email', status: 'sent', attempts: 1, lastError: '' },
  { channel: 'slack', operationId: 'op-slack', status: 'failed', attempts: 5, lastError: 'Slack answered 500' },
];
const react = (event: NotificationEvent) => onNotificationFellShort(recorded([event])[0]!);

describe('notify the internal team', () => {
  it('a notification sent on some channels only, or on none, calls for a notice with each channel\'s outcome', () => {
    const summary = 'email sent after 1 attempt(s)\nslack failed after 5 attempt(s): Slack answered 500';
    expect(react({ type: 'NotificationPartlySent', data: { notificationId: 'n-1', channels } })).toEqual([
      { type: 'RequestInternalNotice', data: { notificationId: 'n-1', outcome: 'sent-on-some', summary } },
    ]);
    expect(react({ type: 'NotificationFailed', data: { notificationId: 'n-1', channels } })[0]?.data.outcome).toBe('failed');
  });

  it('a notification sent everywhere, and other events, call for nothing', () => {
    expect(react({ type: 'NotificationSent', data: { notificationId: 'n-1', channels } })).toEqual([]);
    expect(react({ type: 'NotificationOptedOut', data: { notificationId: 'n-1', recipientId: 'ada' } })).toEqual([]);
  });

  it('a notice is queued once', () => {
    const data = { notificationId: 'n-1', outcome: 'failed' as const, summary: 'email failed' };
    const spec = DeciderSpecification.for(requestInternalNotice);
    spec.given([]).when({ type: 'RequestInternalNotice', data }).then([{ type: 'InternalTeamNoticeRequested', data }]);
    spec.given([{ type: 'InternalTeamNoticeRequested', data }]).when({ type: 'RequestInternalNotice', data }).thenNothingHappens();
  });
});
