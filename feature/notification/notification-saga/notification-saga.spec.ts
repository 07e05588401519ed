import { fold } from '@libs/decider/decider';
import { DeciderSpecification, ProcessSpecification, recorded } from '@libs/testing/given-when-then';
import type { NotificationEvent, SagaEvent } from '@model/notification/notification.events';
import type { ChannelResult } from '@model/notification/notification.fields';
import { concludeNotification } from './conclude-notification.decider';
import { completeSaga } from './notification-saga.decider';
import { nextAction } from './notification-saga.process';
import { NOTIFICATION_SAGA } from './notification-saga.slice';

const operations = [
  { channel: 'email' as const, operationId: 'op-email', address: 'ada@example.com' },
  { channel: 'slack' as const, operationId: 'op-slack', address: '#ada' },
];
const started: SagaEvent = { type: 'SagaStarted', data: { notificationId: 'n-1', operations } };
const settled = (channel: 'email' | 'slack', status: 'sent' | 'failed'): SagaEvent => ({
  type: 'OperationSettled',
  data: { notificationId: 'n-1', operationId: `op-${channel}`, channel, status, attempts: status === 'sent' ? 1 : 5, lastError: status === 'sent' ? '' : `${channel} down` },
});
const result = (channel: 'email' | 'slack', status: 'sent' | 'failed'): ChannelResult => ({
  channel,
  operationId: `op-${channel}`,
  status,
  attempts: status === 'sent' ? 1 : 5,
  lastError: status === 'sent' ? '' : `${channel} down`,
});
const saga = (...events: SagaEvent[]) => fold(completeSaga, recorded(events));
const spec = ProcessSpecification.for(NOTIFICATION_SAGA);

describe('the notification\'s saga', () => {
  it('nothing is left to do while an operation is out, or before the saga started', () => {
    spec.given([started, settled('email', 'sent')]).thenNextAction([]);
    spec.given([settled('email', 'sent'), settled('slack', 'sent')]).thenNextAction([]);
  });

  it('once every operation settled, the one conclusion is their outcome: sent on all, some or none', () => {
    spec.given([settled('slack', 'sent'), started, settled('email', 'sent')]).thenNextAction([
      { notificationId: 'n-1', outcome: 'sent-on-all', channels: [result('email', 'sent'), result('slack', 'sent')] },
    ]);
    expect(nextAction(saga(started, settled('email', 'sent'), settled('slack', 'failed')))[0]?.outcome).toBe('sent-on-some');
    expect(nextAction(saga(started, settled('email', 'failed'), settled('slack', 'failed')))[0]?.outcome).toBe('failed');
  });

  it('nothing is left once the saga completed', () =>
    spec.given([started, settled('email', 'sent'), settled('slack', 'sent'), { type: 'SagaCompleted', data: { notificationId: 'n-1', outcome: 'sent-on-all' } }]).thenNextAction([]));

  it('the conclusion is written on the notification', () =>
    spec.given([started, settled('email', 'sent'), settled('slack', 'failed')]).thenOrders([
      { type: 'ConcludeNotification', data: { notificationId: 'n-1', outcome: 'sent-on-some', channels: [result('email', 'sent'), result('slack', 'failed')] } },
    ]));

  it('a notification concludes once: sent on all, partly sent, or failed', () => {
    const created: NotificationEvent = { type: 'NotificationCreated', data: { notificationId: 'n-1', recipientId: 'ada', subject: 'S', body: 'B', operations } };
    const conclude = DeciderSpecification.for(concludeNotification);
    const channels = [result('email', 'sent'), result('slack', 'failed')];
    conclude.given([created]).when({ type: 'ConcludeNotification', data: { notificationId: 'n-1', outcome: 'sent-on-all', channels } }).then([{ type: 'NotificationSent', data: { notificationId: 'n-1', channels } }]);
    conclude.given([created]).when({ type: 'ConcludeNotification', data: { notificationId: 'n-1', outcome: 'sent-on-some', channels } }).then([{ type: 'NotificationPartlySent', data: { notificationId: 'n-1', channels } }]);
    conclude.given([created]).when({ type: 'ConcludeNotification', data: { notificationId: 'n-1', outcome: 'failed', channels } }).then([{ type: 'NotificationFailed', data: { notificationId: 'n-1', channels } }]);
    conclude.given([created, { type: 'NotificationFailed', data: { notificationId: 'n-1', channels } }]).when({ type: 'ConcludeNotification', data: { notificationId: 'n-1', outcome: 'sent-on-all', channels } }).thenNothingHappens();
  });

  it('the saga completes once, with the outcome it wrote', () => {
    const ready = [started, settled('email', 'sent'), settled('slack', 'sent')];
    const conclusion = nextAction(saga(...ready))[0]!;
    spec.given(ready).whenSteps([[conclusion, { kind: 'decided', state: {} }]]).then([{ type: 'SagaCompleted', data: { notificationId: 'n-1', outcome: 'sent-on-all' } }]);
    spec.given([...ready, { type: 'SagaCompleted', data: { notificationId: 'n-1', outcome: 'sent-on-all' } }]).whenSteps([[conclusion, { kind: 'decided', state: {} }]]).thenNothingHappens();
  });
});
