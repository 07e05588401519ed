import { processStep, type ProcessSlice, type StateChange } from '@libs/event-model/board';
import type { NotificationEvent, SagaEvent } from '@model/notification/notification.events';
import type { NotificationOutcome } from '@model/notification/notification.fields';
import { NOTIFICATION_SAGA_STREAM, NOTIFICATION_STREAM, notificationSubject, sagaSubject, sagaSubjectFilter } from '@stream/notification.stream';
import type { NotificationState } from '../notification.state';
import type { Saga } from '../saga.state';
import { concludeNotification, type ConcludeNotification } from './conclude-notification.decider';
import { completeSaga, type CompleteSaga } from './notification-saga.decider';
import { nextAction, order, outcome, record, type Conclusion } from './notification-saga.process';

/** The saga's step: the notification's outcome, decided on the notification and stored on the notification event stream. */
export const CONCLUDE_NOTIFICATION: StateChange<ConcludeNotification, NotificationState, NotificationEvent> & { readonly name: string } = {
  name: 'conclude-notification',
  decider: concludeNotification,
  stream: NOTIFICATION_STREAM,
  events: ['NotificationSent', 'NotificationPartlySent', 'NotificationFailed'],
  entity: ({ data }) => notificationSubject(data.notificationId),
};

/**
 * The notification's saga: its to-do list is the operations the notification started, one per channel. Woken by
 * their outcomes as they settle on it (never by polling), it waits until every one settled, then writes how the
 * notification ended on the notification event stream and records on itself that it did, once.
 */
export const NOTIFICATION_SAGA: ProcessSlice<SagaEvent, Saga, CompleteSaga, Conclusion, NotificationOutcome> = {
  kind: 'process',
  name: 'notification-saga',
  title: 'The saga writes how the notification ended',
  actor: 'Saga handler',
  subjects: sagaSubjectFilter(),
  reactsTo: ['SagaStarted', 'OperationSettled'],
  command: { name: 'CompleteSaga', fields: ['notificationId', 'outcome'] },
  stream: NOTIFICATION_SAGA_STREAM,
  events: ['SagaCompleted'],
  decider: completeSaga,
  entity: ({ data }) => sagaSubject(data.notificationId),
  nextAction,
  step: processStep({
    via: CONCLUDE_NOTIFICATION,
    command: { name: 'ConcludeNotification', fields: ['notificationId', 'outcome', 'channels'] },
    concurrency: 1,
    order,
    outcome,
  }),
  record,
  rules: [
    'nothing is left to do while an operation is out, or before the saga started',
    'once every operation settled, the one conclusion is their outcome: sent on all, some or none',
    'nothing is left once the saga completed',
    'the conclusion is written on the notification',
    'a notification concludes once: sent on all, partly sent, or failed',
    'the saga completes once, with the outcome it wrote',
  ],
};
