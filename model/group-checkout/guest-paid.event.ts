import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { AMOUNT, PAYMENT_ID, STAY_ID } from './group-checkout.fields';

/** The guest paid towards their own stay: the balance they owe shrinks by the amount, and may go below 0. */
export type GuestPaid = DomainEvent<'GuestPaid', { stayId: string; paymentId: string; amount: number }>;

export const GUEST_PAID = eventContract<GuestPaid>({
  type: 'GuestPaid',
  version: 1,
  description: 'The guest paid towards their own stay: the balance they owe shrinks by the amount, and may go below 0.',
  fields: { stayId: STAY_ID, paymentId: PAYMENT_ID, amount: AMOUNT },
  example: { stayId: 'stay-101', paymentId: 'card-1', amount: 1250 },
});
