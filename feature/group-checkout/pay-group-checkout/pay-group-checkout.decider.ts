import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import type { GroupCheckoutPaid } from '@model/group-checkout/group-checkout-paid.event';
import { groupLivedThrough, newGroupCheckout, type GroupCheckout } from '../group-checkout.state';

/** Take `amount` cents towards the group's bill, as payment `paymentId`. */
export type PayGroupCheckout = Command<'PayGroupCheckout', { groupId: string; paymentId: string; amount: number }>;

export class GroupPaymentIdReused extends RuleViolation {
  constructor(groupId: string, paymentId: string, amount: number, recorded: number) {
    super('payment-id-reused', `payment ${paymentId} of group ${groupId} was recorded as ${recorded} cents, not ${amount}: another payment needs another id`, {
      groupId,
      paymentId,
      amount,
      recordedAmount: recorded,
    });
  }
}

export class PaymentAlreadyConfirmed extends RuleViolation {
  constructor(groupId: string) {
    super('already-confirmed', `group ${groupId} is confirmed: its bill is settled and takes no more payments`, { groupId });
  }
}

/** Someone pays towards the group: once per payment id, at any time before the confirmation, stays merged or not. */
export const payGroupCheckout: Decider<PayGroupCheckout, GroupCheckout, GroupEvent> = {
  initialState: newGroupCheckout,
  evolve: groupLivedThrough,
  decide: (command, group): GroupCheckoutPaid[] => {
    const { groupId, paymentId, amount } = command.data;
    const recorded = group.payments.get(paymentId);
    if (recorded?.amount === amount) return [];
    if (recorded) throw new GroupPaymentIdReused(groupId, paymentId, amount, recorded.amount);
    if (group.confirmed) throw new PaymentAlreadyConfirmed(groupId);
    return [{ type: 'GroupCheckoutPaid', data: { groupId, paymentId, amount } }];
  },
};
