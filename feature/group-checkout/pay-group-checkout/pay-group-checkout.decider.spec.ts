import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { payGroupCheckout, type PayGroupCheckout } from './pay-group-checkout.decider';

const pay = (paymentId: string, amount: number): PayGroupCheckout => ({ type: 'PayGroupCheckout', data: { groupId: 'g1', paymentId, amount } });
const paid = (paymentId: string, amount: number): GroupEvent => ({ type: 'GroupCheckoutPaid', data: { groupId: 'g1', paymentId, amount } });
const selected: GroupEvent = { type: 'StaysSelected', data: { groupId: 'g1', stayIds: ['s1'] } };
const merged: GroupEvent = { type: 'StaysMerged', data: { groupId: 'g1', stays: [{ stayId: 's1', residual: 1000 }] } };
const confirmed: GroupEvent = { type: 'GroupCheckoutConfirmed', data: { groupId: 'g1' } };
const spec = DeciderSpecification.for(payGroupCheckout);

describe('someone pays for the group checkout', () => {
  it('a payment is recorded against the group\'s bill', () => spec.given([selected, merged]).when(pay('p1', 1000)).then([paid('p1', 1000)]));

  it('the group may be paid before any stay is selected or merged', () => {
    spec.given([]).when(pay('p1', 500)).then([paid('p1', 500)]);
    spec.given([selected]).when(pay('p1', 500)).then([paid('p1', 500)]);
  });

  it('the same payment again changes nothing', () => spec.given([paid('p1', 500)]).when(pay('p1', 500)).thenNothingHappens());

  it('a payment id is not reused for another amount', () => spec.given([paid('p1', 500)]).when(pay('p1', 600)).thenRefuses('payment-id-reused'));

  it('a confirmed group takes no more payments', () => spec.given([selected, merged, paid('p1', 1000), confirmed]).when(pay('p2', 1)).thenRefuses('already-confirmed'));

  it('a payment recorded before the confirmation is answered the same when retried after', () =>
    spec.given([selected, merged, paid('p1', 1000), confirmed]).when(pay('p1', 1000)).thenNothingHappens());
});
