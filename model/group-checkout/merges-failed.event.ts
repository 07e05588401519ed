import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { GROUP_ID } from './group-checkout.fields';

/** These stays on the group's list could not be taken over: each said why, and none of them is the group's to settle. */
export type MergesFailed = DomainEvent<'MergesFailed', { groupId: string; stays: readonly { readonly stayId: string; readonly reason: string }[] }>;

export const MERGES_FAILED = eventContract<MergesFailed>({
  type: 'MergesFailed',
  version: 1,
  description: 'These stays on the group\'s list could not be taken over: each said why, and none of them is the group\'s to settle.',
  fields: { groupId: GROUP_ID, stays: { kind: 'list', items: { stayId: 'entity-id', reason: 'text' }, description: 'Each stay not taken over, `{stayId, reason}`: its id and the rule it refused the transfer with (`already-checked-out`, …).' } },
  example: { groupId: 'wedding-7', stays: [{ stayId: 'stay-102', reason: 'already-checked-out' }] },
});
