import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { GROUP_ID } from './group-checkout.fields';

/** The group took these stays over: their residuals are now part of what the group owes. */
export type StaysMerged = DomainEvent<'StaysMerged', { groupId: string; stays: readonly { readonly stayId: string; readonly residual: number }[] }>;

export const STAYS_MERGED = eventContract<StaysMerged>({
  type: 'StaysMerged',
  version: 1,
  description: 'The group took these stays over: their residuals are now part of what the group owes.',
  fields: { groupId: GROUP_ID, stays: { kind: 'list', items: { stayId: 'entity-id', residual: 'integer' }, description: 'Each stay taken over, `{stayId, residual}`: its id and its balance in cents when the group took it, below 0 when paid ahead.' } },
  example: { groupId: 'wedding-7', stays: [{ stayId: 'stay-101', residual: 1250 }] },
});
