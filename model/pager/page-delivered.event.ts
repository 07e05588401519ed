import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ATTEMPTS, BUNDLE_ID, TARGET_ID } from './pager.fields';

/** A target's message was taken by the mail server or the SMS gateway (or the local outbox). */
export type PageDelivered = DomainEvent<'PageDelivered', { targetId: string; bundleId: string; attempts: number }>;

export const PAGE_DELIVERED = eventContract<PageDelivered>({
  type: 'PageDelivered',
  version: 1,
  description: "A target's message was taken by the mail server or the SMS gateway (or the local outbox).",
  fields: {
    targetId: TARGET_ID,
    bundleId: BUNDLE_ID,
    attempts: ATTEMPTS,
  },
  example: {"targetId": "6f1c2a3b-4d5e-8f60-8172-8394a5b6c7d8", "bundleId": "0a1b2c3d-4e5f-8a6b-9c7d-8e9f0a1b2c3d", "attempts": 1},
});
