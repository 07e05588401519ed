import type { RecordedEvent } from '@libs/decider/decider';
import type { AutomationSlice } from '@libs/event-model/board';
import type { NotificationEvent, SagaEvent } from '@model/notification/notification.events';
import { NOTIFICATION_SAGA_STREAM, NOTIFICATION_STREAM, notificationSubjectFilter, sagaSubject } from '@stream/notification.stream';
import type { Saga } from '../saga.state';
import { startSaga, type StartSaga } from './start-saga.decider';

/** A created notification enqueues its saga, pointing at the operations it started. */
export const onNotificationCreated = ({ event }: RecordedEvent<NotificationEvent>): readonly StartSaga[] =>
  event.type === 'NotificationCreated' ? [{ type: 'StartSaga', data: { notificationId: event.data.notificationId, operations: event.data.operations } }] : [];

/** The notification's saga is enqueued on the saga stream, listing the operations it waits for. */
export const START_SAGA: AutomationSlice<SagaEvent, StartSaga, Saga, NotificationEvent> = {
  kind: 'automation',
  name: 'start-saga',
  title: 'The saga is enqueued with the notification\'s operations',
  actor: 'Operation handler',
  source: NOTIFICATION_STREAM,
  subjects: notificationSubjectFilter(),
  reactsTo: ['NotificationCreated'],
  command: { name: 'StartSaga', fields: ['notificationId', 'operations'] },
  stream: NOTIFICATION_SAGA_STREAM,
  events: ['SagaStarted'],
  react: onNotificationCreated,
  decider: startSaga,
  entity: ({ data }) => sagaSubject(data.notificationId),
  rules: [
    'a created notification starts its saga with its operations',
    'other events start nothing',
    'a saga starts once, even after outcomes reached it first',
  ],
};
