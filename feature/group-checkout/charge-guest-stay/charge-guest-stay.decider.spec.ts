import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { chargeGuestStay, type ChargeGuestStay } from './charge-guest-stay.decider';

const charge = (chargeId: string, amount: number): ChargeGuestStay => ({ type: 'ChargeGuestStay', data: { stayId: 's1', chargeId, amount } });
const charged = (chargeId: string, amount: number): StayEvent => ({ type: 'GuestCharged', data: { stayId: 's1', chargeId, amount } });
const paid: StayEvent = { type: 'GuestPaid', data: { stayId: 's1', paymentId: 'p1', amount: 500 } };
const spec = DeciderSpecification.for(chargeGuestStay);

describe('the front desk charges a guest stay', () => {
  it('a first charge opens the stay', () => spec.given([]).when(charge('c1', 1250)).then([charged('c1', 1250)]));

  it('an open stay takes more charges, before or after payments', () => spec.given([charged('c1', 1250), paid]).when(charge('c2', 300)).then([charged('c2', 300)]));

  it('the same charge again changes nothing', () => spec.given([charged('c1', 1250), charged('c2', 300)]).when(charge('c1', 1250)).thenNothingHappens());

  it('a charge id is not reused for another amount', () => spec.given([charged('c1', 1250)]).when(charge('c1', 1300)).thenRefuses('charge-id-reused'));

  it('a checked-out stay takes no more charges', () =>
    spec.given([charged('c1', 500), paid, { type: 'GuestCheckedOut', data: { stayId: 's1' } }]).when(charge('c2', 300)).thenRefuses('stay-closed'));

  it('a stay taken over by a group takes no more charges', () =>
    spec.given([charged('c1', 500), { type: 'GuestStayTransferredToGroup', data: { stayId: 's1', groupId: 'g1', residual: 500 } }]).when(charge('c2', 300)).thenRefuses('stay-closed'));

  it('a charge recorded before the stay closed is answered the same when retried after', () =>
    spec.given([charged('c1', 500), paid, { type: 'GuestCheckedOut', data: { stayId: 's1' } }]).when(charge('c1', 500)).thenNothingHappens());
});
