import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { payGuestStay, type PayGuestStay } from './pay-guest-stay.decider';

const pay = (paymentId: string, amount: number): PayGuestStay => ({ type: 'PayGuestStay', data: { stayId: 's1', paymentId, amount } });
const paid = (paymentId: string, amount: number): StayEvent => ({ type: 'GuestPaid', data: { stayId: 's1', paymentId, amount } });
const charged: StayEvent = { type: 'GuestCharged', data: { stayId: 's1', chargeId: 'c1', amount: 1000 } };
const spec = DeciderSpecification.for(payGuestStay);

describe('the guest pays for their stay', () => {
  it('a payment is recorded against the stay\'s charges', () => spec.given([charged]).when(pay('p1', 600)).then([paid('p1', 600)]));

  it('a first payment opens the stay: the guest may pay ahead', () => spec.given([]).when(pay('p1', 5000)).then([paid('p1', 5000)]));

  it('the same payment again changes nothing', () => spec.given([charged, paid('p1', 600)]).when(pay('p1', 600)).thenNothingHappens());

  it('a payment id is not reused for another amount', () => spec.given([charged, paid('p1', 600)]).when(pay('p1', 400)).thenRefuses('payment-id-reused'));

  it('a checked-out stay takes no more payments', () =>
    spec.given([charged, paid('p1', 1000), { type: 'GuestCheckedOut', data: { stayId: 's1' } }]).when(pay('p2', 10)).thenRefuses('stay-closed'));

  it('a stay taken over by a group takes no more payments', () =>
    spec.given([charged, { type: 'GuestStayTransferredToGroup', data: { stayId: 's1', groupId: 'g1', residual: 1000 } }]).when(pay('p2', 1000)).thenRefuses('stay-closed'));

  it('a payment recorded before the stay closed is answered the same when retried after', () =>
    spec.given([charged, paid('p1', 1000), { type: 'GuestCheckedOut', data: { stayId: 's1' } }]).when(pay('p1', 1000)).thenNothingHappens());
});
