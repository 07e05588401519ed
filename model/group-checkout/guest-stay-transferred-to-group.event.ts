import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { GROUP_ID, STAY_ID } from './group-checkout.fields';

/** A group checkout took the stay over with what was left to pay: the stay is closed, its residual now the group's to settle. */
export type GuestStayTransferredToGroup = DomainEvent<'GuestStayTransferredToGroup', { stayId: string; groupId: string; residual: number }>;

export const GUEST_STAY_TRANSFERRED_TO_GROUP = eventContract<GuestStayTransferredToGroup>({
  type: 'GuestStayTransferredToGroup',
  version: 1,
  description: 'A group checkout took the stay over with what was left to pay: the stay is closed, its residual now the group\'s to settle.',
  fields: { stayId: STAY_ID, groupId: GROUP_ID, residual: { kind: 'integer', description: 'The stay\'s balance when the group took it over, in cents: charges less payments, below 0 when the guest paid ahead.' } },
  example: { stayId: 'stay-101', groupId: 'wedding-7', residual: 1250 },
});
