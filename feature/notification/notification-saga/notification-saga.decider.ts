import type { Command, Decider } from '@libs/decider/decider';
import type { SagaCompleted, SagaEvent } from '@model/notification/notification.events';
import type { NotificationOutcome } from '@model/notification/notification.fields';
import { newSaga, sagaEvolved, type Saga } from '../saga.state';

/** Record on the saga that it wrote the notification's outcome. */
export type CompleteSaga = Command<'CompleteSaga', { notificationId: string; outcome: NotificationOutcome }>;

/** A saga completes once, with the outcome it wrote. */
export const completeSaga: Decider<CompleteSaga, Saga, SagaEvent> = {
  initialState: newSaga,
  evolve: sagaEvolved,
  decide: ({ data }, saga): SagaCompleted[] => (saga.completed ? [] : [{ type: 'SagaCompleted', data }]),
};
