import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { SagaEvent, SlackEvent } from '@model/notification/notification.events';
import { settleSlack } from './settle-slack.decider';
import { onSlackMessageEnded } from './settle-slack.slice';

const base = { operationId: 'op-2', notificationId: 'n-1', channel: '#ada' };
const spec = DeciderSpecification.for(settleSlack);

describe('settle the Slack message on the saga', () => {
  it('a Slack message sent settles its operation on the saga as sent', () =>
    expect(onSlackMessageEnded(recorded<SlackEvent>([{ type: 'SlackMessageSent', data: { ...base, attempts: 2 } }])[0]!)).toEqual([
      { type: 'SettleOperation', data: { notificationId: 'n-1', operationId: 'op-2', channel: 'slack', status: 'sent', attempts: 2, lastError: '' } },
    ]));

  it('a Slack message failed settles its operation as failed, with the last error', () =>
    expect(onSlackMessageEnded(recorded<SlackEvent>([{ type: 'SlackMessageFailed', data: { ...base, attempts: 5, reason: 'Slack answered 500' } }])[0]!)).toEqual([
      { type: 'SettleOperation', data: { notificationId: 'n-1', operationId: 'op-2', channel: 'slack', status: 'failed', attempts: 5, lastError: 'Slack answered 500' } },
    ]));

  it('an operation settles once: its first outcome stands', () => {
    const settled: SagaEvent = { type: 'OperationSettled', data: { notificationId: 'n-1', operationId: 'op-2', channel: 'slack', status: 'failed', attempts: 5, lastError: 'x' } };
    spec.given([]).when({ type: 'SettleOperation', data: settled.data }).then([settled]);
    spec.given([settled]).when({ type: 'SettleOperation', data: { ...settled.data, status: 'sent', lastError: '' } }).thenNothingHappens();
  });
});
