import type { Command, Decider } from '@libs/decider/decider';
import type { SagaEvent, SagaStarted } from '@model/notification/notification.events';
import { newSaga, sagaEvolved, type Saga } from '../saga.state';

/** Start a notification's saga with the operations it is to wait for. */
export type StartSaga = Command<'StartSaga', SagaStarted['data']>;

/** A saga starts once, whatever outcomes reached it before. */
export const startSaga: Decider<StartSaga, Saga, SagaEvent> = {
  initialState: newSaga,
  evolve: sagaEvolved,
  decide: ({ data }, saga): SagaStarted[] => (saga.started ? [] : [{ type: 'SagaStarted', data }]),
};
