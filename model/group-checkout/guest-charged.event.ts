import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { AMOUNT, CHARGE_ID, STAY_ID } from './group-checkout.fields';

/** Something the guest consumed was put on their stay's bill: the balance they owe grows by the amount. */
export type GuestCharged = DomainEvent<'GuestCharged', { stayId: string; chargeId: string; amount: number }>;

export const GUEST_CHARGED = eventContract<GuestCharged>({
  type: 'GuestCharged',
  version: 1,
  description: 'Something the guest consumed was put on their stay\'s bill: the balance they owe grows by the amount.',
  fields: { stayId: STAY_ID, chargeId: CHARGE_ID, amount: AMOUNT },
  example: { stayId: 'stay-101', chargeId: 'minibar-1', amount: 1250 },
});
