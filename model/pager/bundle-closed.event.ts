import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { BUNDLE_ID, PAGES, TARGET_ADDRESS, TARGET_ID, TARGET_KIND, type Page, type TargetKind } from './pager.fields';

/** A target's message stopped gathering pages: it is to be sent, naming every service it gathered. */
export type BundleClosed = DomainEvent<'BundleClosed', { targetId: string; bundleId: string; kind: TargetKind; address: string; pages: readonly Page[] }>;

export const BUNDLE_CLOSED = eventContract<BundleClosed>({
  type: 'BundleClosed',
  version: 1,
  description: "A target's message stopped gathering pages: it is to be sent, naming every service it gathered.",
  fields: {
    targetId: TARGET_ID,
    bundleId: BUNDLE_ID,
    kind: TARGET_KIND,
    address: TARGET_ADDRESS,
    pages: PAGES,
  },
  example: {"targetId": "6f1c2a3b-4d5e-8f60-8172-8394a5b6c7d8", "bundleId": "0a1b2c3d-4e5f-8a6b-9c7d-8e9f0a1b2c3d", "kind": "email", "address": "oncall@example.com", "pages": [{"pageId": "1a2b3c4d-5e6f-8a7b-8c9d-0e1f2a3b4c5d", "serviceId": "checkout", "incidentId": "1", "level": 1, "round": 0, "message": "checkout answers 500"}]},
});
