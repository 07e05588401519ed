import { RuleViolation } from '@libs/errors/domain-error';
import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import { fold } from '@libs/decider/decider';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { checkOutGuestStay, type CheckOutGuestStay } from './check-out-guest-stay.decider';

const checkOut: CheckOutGuestStay = { type: 'CheckOutGuestStay', data: { stayId: 's1' } };
const charged = (amount: number): StayEvent => ({ type: 'GuestCharged', data: { stayId: 's1', chargeId: `c${amount}`, amount } });
const paid = (amount: number): StayEvent => ({ type: 'GuestPaid', data: { stayId: 's1', paymentId: `p${amount}`, amount } });
const checkedOut: StayEvent = { type: 'GuestCheckedOut', data: { stayId: 's1' } };
const spec = DeciderSpecification.for(checkOutGuestStay);

const refusal = (events: readonly StayEvent[]): RuleViolation => {
  try {
    checkOutGuestStay.decide(checkOut, fold(checkOutGuestStay, recorded(events)));
  } catch (error) {
    if (error instanceof RuleViolation) return error;
  }
  throw new Error('the check-out was not refused');
};

describe('the guest checks out', () => {
  it('a stay paid in full is checked out', () => spec.given([charged(1000), charged(250), paid(1250)]).when(checkOut).then([checkedOut]));

  it('a stay with a balance is not checked out, and the refusal says the balance', () => {
    spec.given([charged(1000), paid(400)]).when(checkOut).thenRefuses('balance-outstanding');
    expect(refusal([charged(1000), paid(400)]).details).toEqual({ stayId: 's1', balance: 600 });
  });

  it('a stay paid ahead is not checked out either: its balance is below 0', () => {
    expect(refusal([charged(100), paid(250)]).details).toEqual({ stayId: 's1', balance: -150 });
  });

  it('a stay is checked out once', () => spec.given([charged(100), paid(100), checkedOut]).when(checkOut).thenRefuses('already-checked-out'));

  it('a stay taken over by a group is checked out with the group, not on its own', () =>
    spec.given([charged(100), { type: 'GuestStayTransferredToGroup', data: { stayId: 's1', groupId: 'g1', residual: 100 } }]).when(checkOut).thenRefuses('already-checked-out'));

  it('a stay with no charge and no payment is not found', () => spec.given([]).when(checkOut).thenRefuses('stay-not-found'));
});
