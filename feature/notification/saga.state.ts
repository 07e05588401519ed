import type { Command } from '@libs/decider/decider';
import type { OperationSettled, SagaEvent } from '@model/notification/notification.events';
import type { Channel, NotificationOutcome, Operation } from '@model/notification/notification.fields';

/** How one operation of a saga ended. */
export interface Settlement {
  readonly channel: Channel;
  readonly status: 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string;
}

/**
 * A notification's saga as its events fold it: the operations it waits for (its to-do list), the outcome of each
 * that settled (which may come before the saga itself started, channels being quick), and its end once recorded.
 */
export interface Saga {
  readonly notificationId?: string;
  readonly started: boolean;
  readonly operations: readonly Operation[];
  readonly settled: Readonly<Record<string, Settlement>>;
  readonly completed?: NotificationOutcome;
}

export const newSaga = (): Saga => ({ started: false, operations: [], settled: {} });

export const sagaEvolved = (saga: Saga, event: SagaEvent): Saga => {
  switch (event.type) {
    case 'SagaStarted':
      return { ...saga, notificationId: event.data.notificationId, started: true, operations: event.data.operations };
    case 'OperationSettled': {
      const { notificationId, operationId, channel, status, attempts, lastError } = event.data;
      return { ...saga, notificationId, settled: { ...saga.settled, [operationId]: { channel, status, attempts, lastError } } };
    }
    case 'SagaCompleted':
      return { ...saga, completed: event.data.outcome };
  }
};

/** An operation's outcome, brought to its saga from the channel's event stream. */
export type SettleOperation = Command<'SettleOperation', OperationSettled['data']>;

/** Each operation settles once on its saga: its first outcome is the one kept; the same outcome again changes nothing. */
export const settledOnce = ({ data }: SettleOperation, saga: Saga): OperationSettled[] => (saga.settled[data.operationId] ? [] : [{ type: 'OperationSettled', data }]);
