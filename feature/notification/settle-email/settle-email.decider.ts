import type { Decider } from '@libs/decider/decider';
import type { SagaEvent } from '@model/notification/notification.events';
import { newSaga, sagaEvolved, settledOnce, type Saga, type SettleOperation } from '../saga.state';

/** An email's outcome settles its operation on the saga, once. */
export const settleEmail: Decider<SettleOperation, Saga, SagaEvent> = { initialState: newSaga, evolve: sagaEvolved, decide: settledOnce };
