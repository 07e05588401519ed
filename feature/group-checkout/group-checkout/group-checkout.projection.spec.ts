import { ProjectionSpecification } from '@libs/testing/given-when-then';
import type { GroupCheckoutEvent } from '@model/group-checkout/group-checkout.events';
import { groupCheckout, type GroupCheckoutView } from './group-checkout.projection';

const selected = (...stayIds: string[]): GroupCheckoutEvent => ({ type: 'StaysSelected', data: { groupId: 'g1', stayIds } });
const merged = (stayId: string, residual: number): GroupCheckoutEvent => ({ type: 'StaysMerged', data: { groupId: 'g1', stays: [{ stayId, residual }] } });
const failed = (stayId: string, reason: string): GroupCheckoutEvent => ({ type: 'MergesFailed', data: { groupId: 'g1', stays: [{ stayId, reason }] } });
const paid = (amount: number): GroupCheckoutEvent => ({ type: 'GroupCheckoutPaid', data: { groupId: 'g1', paymentId: `p${amount}`, amount } });
const view = (changes: Partial<GroupCheckoutView>): GroupCheckoutView => ({ groupId: 'g1', pending: [], merged: [], failed: [], balance: 0, paid: 0, status: 'ready', ...changes });
const spec = ProjectionSpecification.for(groupCheckout);

describe('the group checkout and where it stands', () => {
  it('selected stays are pending, in selection order, while the group merges them', () =>
    spec.given([selected('s2', 's1'), selected('s3')]).then({ g1: view({ pending: ['s2', 's1', 's3'], status: 'merging' }) }));

  it('merged stays bring their residuals into the balance, failed ones their reasons; nothing pending is ready', () =>
    spec
      .given([selected('s1', 's2', 's3'), merged('s1', 1000), failed('s2', 'already-checked-out'), merged('s3', -200)])
      .then({ g1: view({ merged: [{ stayId: 's1', residual: 1000 }, { stayId: 's3', residual: -200 }], failed: [{ stayId: 's2', reason: 'already-checked-out' }], balance: 800 }) }));

  it('payments lower the balance, before or after merges', () =>
    spec.given([paid(300), selected('s1'), merged('s1', 1000), paid(700)]).then({ g1: view({ merged: [{ stayId: 's1', residual: 1000 }], paid: 1000, balance: 0 }) }));

  it('a confirmed group shows confirmed', () =>
    spec
      .given([selected('s1'), merged('s1', 500), paid(500), { type: 'GroupCheckoutConfirmed', data: { groupId: 'g1' } }])
      .then({ g1: view({ merged: [{ stayId: 's1', residual: 500 }], paid: 500, status: 'confirmed' }) }));

  it('each group has its own entry, and the stays\' own events show no group', () =>
    spec
      .given([
        selected('s1'),
        { type: 'StaysSelected', data: { groupId: 'g2', stayIds: ['s9'] } },
        { type: 'GuestCharged', data: { stayId: 's1', chargeId: 'c1', amount: 100 } },
        { type: 'GuestStayTransferredToGroup', data: { stayId: 's1', groupId: 'g1', residual: 100 } },
      ])
      .then({ g1: view({ pending: ['s1'], status: 'merging' }), g2: view({ groupId: 'g2', pending: ['s9'], status: 'merging' }) }));
});
