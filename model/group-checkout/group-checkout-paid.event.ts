import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { AMOUNT, GROUP_ID, PAYMENT_ID } from './group-checkout.fields';

/** Someone paid towards the group's bill: what the group owes shrinks by the amount. */
export type GroupCheckoutPaid = DomainEvent<'GroupCheckoutPaid', { groupId: string; paymentId: string; amount: number }>;

export const GROUP_CHECKOUT_PAID = eventContract<GroupCheckoutPaid>({
  type: 'GroupCheckoutPaid',
  version: 1,
  description: 'Someone paid towards the group\'s bill: what the group owes shrinks by the amount.',
  fields: { groupId: GROUP_ID, paymentId: PAYMENT_ID, amount: AMOUNT },
  example: { groupId: 'wedding-7', paymentId: 'transfer-1', amount: 1250 },
});
