import { fold } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { confirmGroupCheckout, type ConfirmGroupCheckout } from './confirm-group-checkout.decider';

const confirm: ConfirmGroupCheckout = { type: 'ConfirmGroupCheckout', data: { groupId: 'g1' } };
const confirmed: GroupEvent = { type: 'GroupCheckoutConfirmed', data: { groupId: 'g1' } };
const selected: GroupEvent = { type: 'StaysSelected', data: { groupId: 'g1', stayIds: ['s1', 's2', 's3'] } };
const merged: GroupEvent = { type: 'StaysMerged', data: { groupId: 'g1', stays: [{ stayId: 's1', residual: 1000 }, { stayId: 's2', residual: 500 }] } };
const failed: GroupEvent = { type: 'MergesFailed', data: { groupId: 'g1', stays: [{ stayId: 's3', reason: 'already-checked-out' }] } };
const paid = (paymentId: string, amount: number): GroupEvent => ({ type: 'GroupCheckoutPaid', data: { groupId: 'g1', paymentId, amount } });
const spec = DeciderSpecification.for(confirmGroupCheckout);

const refusal = (events: readonly GroupEvent[]): RuleViolation => {
  try {
    confirmGroupCheckout.decide(confirm, fold(confirmGroupCheckout, recorded(events)));
  } catch (error) {
    if (error instanceof RuleViolation) return error;
  }
  throw new Error('the confirmation was not refused');
};

describe('the clerk confirms the group checkout', () => {
  it('a group whose stays are all merged or failed and whose balance is paid is confirmed', () =>
    spec.given([selected, merged, failed, paid('p1', 1200), paid('p2', 300)]).when(confirm).then([confirmed]));

  it('confirming it again changes nothing', () => spec.given([selected, merged, failed, paid('p1', 1500), confirmed]).when(confirm).thenNothingHappens());

  it('a group with stays still pending is not confirmed yet', () => {
    spec.given([selected, merged, paid('p1', 1500)]).when(confirm).thenRefuses('merges-in-progress');
    expect(refusal([selected]).details).toEqual({ groupId: 'g1', pending: 3 });
  });

  it('a group with a balance is not confirmed, and the refusal says the balance', () => {
    spec.given([selected, merged, failed, paid('p1', 1000)]).when(confirm).thenRefuses('balance-outstanding');
    expect(refusal([selected, merged, failed, paid('p1', 1000)]).details).toEqual({ groupId: 'g1', balance: 500 });
    expect(refusal([selected, merged, failed, paid('p1', 2000)]).details).toEqual({ groupId: 'g1', balance: -500 });
  });

  it('a group that never had a stay selected is not confirmed, paid or not', () => {
    spec.given([]).when(confirm).thenRefuses('no-stays-selected');
    spec.given([paid('p1', 100)]).when(confirm).thenRefuses('no-stays-selected');
  });

  it('a group whose every stay failed to merge is confirmed with nothing to pay', () =>
    spec.given([{ type: 'StaysSelected', data: { groupId: 'g1', stayIds: ['s3'] } }, failed]).when(confirm).then([confirmed]));
});
