import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { EMAIL_ADDRESS, NOTIFICATION_ID, OPERATION_ID } from './notification.fields';

/** The internal team was emailed about a notification that did not go out on every channel. */
export type InternalTeamNotified = DomainEvent<'InternalTeamNotified', { notificationId: string; operationId: string; to: string }>;

export const INTERNAL_TEAM_NOTIFIED = eventContract<InternalTeamNotified>({
  type: 'InternalTeamNotified',
  version: 1,
  description: 'The internal team was emailed about a notification that did not go out on every channel.',
  fields: {
    notificationId: NOTIFICATION_ID,
    operationId: OPERATION_ID,
    to: EMAIL_ADDRESS,
  },
  example: {"notificationId": "7d0f7c4e-2a65-4c55-9a4b-5f0e4a1c2b3d", "operationId": "0b5e1f3a-8c1d-8e2f-9a3b-4c5d6e7f8091", "to": "internal-team@localhost"},
});
