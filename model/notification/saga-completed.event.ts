import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { NOTIFICATION_ID, OUTCOME, type NotificationOutcome } from './notification.fields';

/** The saga wrote how the notification ended, once every operation it waited for had settled. */
export type SagaCompleted = DomainEvent<'SagaCompleted', { notificationId: string; outcome: NotificationOutcome }>;

export const SAGA_COMPLETED = eventContract<SagaCompleted>({
  type: 'SagaCompleted',
  version: 1,
  description: 'The saga wrote how the notification ended, once every operation it waited for had settled.',
  fields: {
    notificationId: NOTIFICATION_ID,
    outcome: OUTCOME,
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "outcome": "sent-on-all"},
});
