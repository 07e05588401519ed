import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { BUNDLE_ID, INCIDENT_ID, LEVEL, MESSAGE, ROUND, SERVICE_ID, TARGET_ADDRESS, TARGET_ID, TARGET_KIND, type TargetKind } from './pager.fields';

/** A target is to be told about a level of an incident: the page joins the target's open message, which goes out when its window closes, or opens one. */
export type PageBundled = DomainEvent<'PageBundled', { targetId: string; kind: TargetKind; address: string; bundleId: string; closesAt: string; pageId: string; serviceId: string; incidentId: string; level: number; round: number; message: string }>;

export const PAGE_BUNDLED = eventContract<PageBundled>({
  type: 'PageBundled',
  version: 1,
  description: "A target is to be told about a level of an incident: the page joins the target's open message, which goes out when its window closes, or opens one.",
  fields: {
    targetId: TARGET_ID,
    kind: TARGET_KIND,
    address: TARGET_ADDRESS,
    bundleId: BUNDLE_ID,
    closesAt: { kind: 'instant', description: 'When the message stops gathering pages and is sent.' },
    pageId: { kind: 'entity-id', description: 'The page: a UUID derived from the service, incident, level, round and target.' },
    serviceId: SERVICE_ID,
    incidentId: INCIDENT_ID,
    level: LEVEL,
    round: ROUND,
    message: MESSAGE,
  },
  example: {"targetId": "6f1c2a3b-4d5e-8f60-8172-8394a5b6c7d8", "kind": "email", "address": "oncall@example.com", "bundleId": "0a1b2c3d-4e5f-8a6b-9c7d-8e9f0a1b2c3d", "closesAt": "2026-12-03T08:00:02.000Z", "pageId": "1a2b3c4d-5e6f-8a7b-8c9d-0e1f2a3b4c5d", "serviceId": "checkout", "incidentId": "1", "level": 1, "round": 0, "message": "checkout answers 500"},
});
