import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { NOTIFICATION_ID, OPERATIONS, type Operation } from './notification.fields';

/** The notification's saga began: it waits for the outcome of each operation it lists, then writes how the notification ended. */
export type SagaStarted = DomainEvent<'SagaStarted', { notificationId: string; operations: readonly Operation[] }>;

export const SAGA_STARTED = eventContract<SagaStarted>({
  type: 'SagaStarted',
  version: 1,
  description: "The notification's saga began: it waits for the outcome of each operation it lists, then writes how the notification ended.",
  fields: {
    notificationId: NOTIFICATION_ID,
    operations: OPERATIONS,
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "operations": [{"channel": "email", "operationId": "0b5e1f3a-8c1d-8e2f-9a3b-4c5d6e7f8091", "address": "ada@example.com"}, {"channel": "slack", "operationId": "5a6b7c8d-9e0f-8a1b-8c2d-3e4f5a6b7c8d", "address": "#ada"}]},
});
