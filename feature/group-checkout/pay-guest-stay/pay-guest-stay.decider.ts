import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import type { GuestPaid } from '@model/group-checkout/guest-paid.event';
import { newGuestStay, stayLivedThrough, type GuestStay, type StayStatus } from '../guest-stay.state';

/** Take `amount` cents from the guest towards their stay, as payment `paymentId`. */
export type PayGuestStay = Command<'PayGuestStay', { stayId: string; paymentId: string; amount: number }>;

export class StayPaymentIdReused extends RuleViolation {
  constructor(stayId: string, paymentId: string, amount: number, recorded: number) {
    super('payment-id-reused', `payment ${paymentId} of stay ${stayId} was recorded as ${recorded} cents, not ${amount}: another payment needs another id`, {
      stayId,
      paymentId,
      amount,
      recordedAmount: recorded,
    });
  }
}

export class PaidStayClosed extends RuleViolation {
  constructor(stayId: string, stayStatus: StayStatus) {
    super('stay-closed', `stay ${stayId} is ${stayStatus}: it takes no more payments`, { stayId, stayStatus });
  }
}

/** The guest pays towards their stay: once per payment id, and only while the stay is open; paying ahead is allowed. */
export const payGuestStay: Decider<PayGuestStay, GuestStay, StayEvent> = {
  initialState: newGuestStay,
  evolve: stayLivedThrough,
  decide: (command, stay): GuestPaid[] => {
    const { stayId, paymentId, amount } = command.data;
    const recorded = stay.payments.get(paymentId);
    if (recorded?.amount === amount) return [];
    if (recorded) throw new StayPaymentIdReused(stayId, paymentId, amount, recorded.amount);
    if (stay.status === 'checked-out' || stay.status === 'transferred') throw new PaidStayClosed(stayId, stay.status);
    return [{ type: 'GuestPaid', data: { stayId, paymentId, amount } }];
  },
};
