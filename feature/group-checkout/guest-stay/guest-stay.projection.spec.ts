import { ProjectionSpecification } from '@libs/testing/given-when-then';
import type { GroupCheckoutEvent } from '@model/group-checkout/group-checkout.events';
import { guestStay } from './guest-stay.projection';

const charged = (stayId: string, amount: number): GroupCheckoutEvent => ({ type: 'GuestCharged', data: { stayId, chargeId: `c${amount}`, amount } });
const paid = (stayId: string, amount: number): GroupCheckoutEvent => ({ type: 'GuestPaid', data: { stayId, paymentId: `p${amount}`, amount } });
const spec = ProjectionSpecification.for(guestStay);

describe('the guest stay and what is owed on it', () => {
  it('charges raise the balance and payments lower it, below 0 when paid ahead', () =>
    spec
      .given([charged('s1', 1000), paid('s1', 400), paid('s2', 300), charged('s1', 50)])
      .then({ s1: { stayId: 's1', balance: 650, status: 'active' }, s2: { stayId: 's2', balance: -300, status: 'active' } }));

  it('a checked-out stay shows checked out', () =>
    spec.given([charged('s1', 1000), paid('s1', 1000), { type: 'GuestCheckedOut', data: { stayId: 's1' } }]).then({ s1: { stayId: 's1', balance: 0, status: 'checked-out' } }));

  it('a stay taken over by a group shows transferred, with the group and the balance it had', () =>
    spec
      .given([charged('s1', 1000), { type: 'GuestStayTransferredToGroup', data: { stayId: 's1', groupId: 'g1', residual: 1000 } }])
      .then({ s1: { stayId: 's1', balance: 1000, status: 'transferred', groupId: 'g1' } }));

  it('the group\'s own events show no stay', () =>
    spec
      .given([
        { type: 'StaysSelected', data: { groupId: 'g1', stayIds: ['s1'] } },
        { type: 'StaysMerged', data: { groupId: 'g1', stays: [{ stayId: 's1', residual: 0 }] } },
        { type: 'GroupCheckoutPaid', data: { groupId: 'g1', paymentId: 'p1', amount: 10 } },
      ])
      .then({}));
});
