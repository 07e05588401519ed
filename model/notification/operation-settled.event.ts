import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ATTEMPTS, NOTIFICATION_ID, OPERATION_ID, type Channel } from './notification.fields';

/** One operation of the saga ended on its channel: sent, or failed after its attempts. */
export type OperationSettled = DomainEvent<'OperationSettled', { notificationId: string; operationId: string; channel: Channel; status: 'sent' | 'failed'; attempts: number; lastError: string }>;

export const OPERATION_SETTLED = eventContract<OperationSettled>({
  type: 'OperationSettled',
  version: 1,
  description: 'One operation of the saga ended on its channel: sent, or failed after its attempts.',
  fields: {
    notificationId: NOTIFICATION_ID,
    operationId: OPERATION_ID,
    channel: { kind: 'text', description: 'The operation\'s channel: `email` or `slack`.' },
    status: { kind: 'text', description: '`sent` or `failed`.' },
    attempts: ATTEMPTS,
    lastError: { kind: 'text', description: 'Why the last attempt failed; empty when sent.' },
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "operationId": "5a6b7c8d-9e0f-8a1b-8c2d-3e4f5a6b7c8d", "channel": "slack", "status": "sent", "attempts": 2, "lastError": ""},
});
