import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { ATTEMPTS, BUNDLE_ID, TARGET_ID } from './pager.fields';

/** A target's message could not be delivered: refused, or failing after every attempt. */
export type PageFailed = DomainEvent<'PageFailed', { targetId: string; bundleId: string; attempts: number; reason: string }>;

export const PAGE_FAILED = eventContract<PageFailed>({
  type: 'PageFailed',
  version: 1,
  description: "A target's message could not be delivered: refused, or failing after every attempt.",
  fields: {
    targetId: TARGET_ID,
    bundleId: BUNDLE_ID,
    attempts: ATTEMPTS,
    reason: { kind: 'text', description: 'Why the last attempt failed.' },
  },
  example: {"targetId": "6f1c2a3b-4d5e-8f60-8172-8394a5b6c7d8", "bundleId": "0a1b2c3d-4e5f-8a6b-9c7d-8e9f0a1b2c3d", "attempts": 5, "reason": "the SMS gateway answered 503; gave up after 5 attempts"},
});
