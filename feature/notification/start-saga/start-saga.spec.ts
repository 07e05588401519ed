import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { NotificationEvent, SagaEvent } from '@model/notification/notification.events';
import type { Operation } from '@model/notification/notification.fields';
import { startSaga } from './start-saga.decider';
import { onNotificationCreated } from './start-saga.slice';

const operations: Operation[] = [{ channel: 'email', operationId: 'op-email', address: 'ada@example.com' }];
const created: NotificationEvent = { type: 'NotificationCreated', data: { notificationId: 'n-1', recipientId: 'ada', subject: 'S', body: 'B', operations } };
const started: SagaEvent = { type: 'SagaStarted', data: { notificationId: 'n-1', operations } };
const spec = DeciderSpecification.for(startSaga);

describe('start the saga', () => {
  it('a created notification starts its saga with its operations', () => {
    expect(onNotificationCreated(recorded([created])[0]!)).toEqual([{ type: 'StartSaga', data: started.data }]);
    spec.given([]).when({ type: 'StartSaga', data: started.data }).then([started]);
  });

  it('other events start nothing', () =>
    expect(onNotificationCreated(recorded<NotificationEvent>([{ type: 'NotificationOptedOut', data: { notificationId: 'n-1', recipientId: 'ada' } }])[0]!)).toEqual([]));

  it('a saga starts once, even after outcomes reached it first', () => {
    const settled: SagaEvent = { type: 'OperationSettled', data: { notificationId: 'n-1', operationId: 'op-email', channel: 'email', status: 'sent', attempts: 1, lastError: '' } };
    spec.given([settled]).when({ type: 'StartSaga', data: started.data }).then([started]);
    spec.given([settled, started]).when({ type: 'StartSaga', data: started.data }).thenNothingHappens();
  });
});
