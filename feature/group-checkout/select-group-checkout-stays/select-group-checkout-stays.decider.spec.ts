import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { selectGroupCheckoutStays, type SelectGroupCheckoutStays } from './select-group-checkout-stays.decider';

const select = (...stayIds: string[]): SelectGroupCheckoutStays => ({ type: 'SelectGroupCheckoutStays', data: { groupId: 'g1', stayIds } });
const selected = (...stayIds: string[]): GroupEvent => ({ type: 'StaysSelected', data: { groupId: 'g1', stayIds } });
const spec = DeciderSpecification.for(selectGroupCheckoutStays);

describe('the clerk selects stays for a group checkout', () => {
  it('selected stays go on the group\'s list, in the order given', () => spec.given([]).when(select('s2', 's1')).then([selected('s2', 's1')]));

  it('a stay given twice is listed once', () => spec.given([]).when(select('s1', 's2', 's1')).then([selected('s1', 's2')]));

  it('only stays not on the list yet are selected: pending, merged and failed ones are left as they are', () =>
    spec
      .given([
        selected('s1', 's2', 's3'),
        { type: 'StaysMerged', data: { groupId: 'g1', stays: [{ stayId: 's1', residual: 100 }] } },
        { type: 'MergesFailed', data: { groupId: 'g1', stays: [{ stayId: 's2', reason: 'already-checked-out' }] } },
      ])
      .when(select('s1', 's2', 's3', 's4'))
      .then([selected('s4')]));

  it('the same selection again changes nothing', () => spec.given([selected('s1', 's2')]).when(select('s2', 's1')).thenNothingHappens());

  it('a stay may join until the group is confirmed, even after payments', () =>
    spec.given([{ type: 'GroupCheckoutPaid', data: { groupId: 'g1', paymentId: 'p1', amount: 100 } }]).when(select('s1')).then([selected('s1')]));

  it('a confirmed group takes no more stays', () =>
    spec.given([selected('s1'), { type: 'MergesFailed', data: { groupId: 'g1', stays: [{ stayId: 's1', reason: 'stay-not-found' }] } }, { type: 'GroupCheckoutConfirmed', data: { groupId: 'g1' } }])
      .when(select('s2'))
      .thenRefuses('already-confirmed'));

  it('a selection retried after the confirmation changes nothing', () =>
    spec.given([selected('s1'), { type: 'MergesFailed', data: { groupId: 'g1', stays: [{ stayId: 's1', reason: 'stay-not-found' }] } }, { type: 'GroupCheckoutConfirmed', data: { groupId: 'g1' } }])
      .when(select('s1'))
      .thenNothingHappens());
});
