import { fold } from '@libs/decider/decider';
import type { StepResult } from '@libs/event-model/board';
import { ProcessSpecification, recorded, testMetadata } from '@libs/testing/given-when-then';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import type { GuestStay } from '../guest-stay.state';
import { mergeStays } from './merge-stays.decider';
import { MERGE_STAYS } from './merge-stays.slice';
import { nextAction, order, outcome, record, type MergeOutcome } from './merge-stays.process';
import { transferStay } from './transfer-stay.decider';

const group = (...events: GroupEvent[]) => fold(mergeStays, recorded(events));
const selected = (...stayIds: string[]): GroupEvent => ({ type: 'StaysSelected', data: { groupId: 'g1', stayIds } });
const staying = (...events: Parameters<typeof transferStay.evolve>[1][]): GuestStay =>
  events.reduce((stay, event, index) => transferStay.evolve(stay, event, testMetadata(index + 1)), transferStay.initialState());

const spec = ProcessSpecification.for(MERGE_STAYS);

describe('the group merges its stays', () => {
  it('what is left to do is every pending stay, in selection order', () =>
    spec.given([selected('s3', 's1'), selected('s2')]).thenNextAction(['s3', 's1', 's2']));

  it('stays merged or failed are done: nothing is left once every stay is settled', () => {
    const settled = group(
      selected('s1', 's2', 's3'),
      { type: 'StaysMerged', data: { groupId: 'g1', stays: [{ stayId: 's1', residual: 100 }] } },
      { type: 'MergesFailed', data: { groupId: 'g1', stays: [{ stayId: 's3', reason: 'stay-not-found' }] } },
    );
    expect(nextAction(settled)).toEqual(['s2']);
    expect(nextAction(group(selected('s1'), { type: 'StaysMerged', data: { groupId: 'g1', stays: [{ stayId: 's1', residual: 100 }] } }))).toEqual([]);
  });

  it('a group with nothing selected, or confirmed, has nothing to do', () => {
    expect(nextAction(group())).toEqual([]);
    expect(nextAction(group({ type: 'GroupCheckoutPaid', data: { groupId: 'g1', paymentId: 'p1', amount: 100 } }))).toEqual([]);
    expect(nextAction(group(selected('s1'), { type: 'GroupCheckoutConfirmed', data: { groupId: 'g1' } }))).toEqual([]);
  });

  it('each pending stay is asked to hand itself over to the group', () => {
    expect(order(group(selected('s1')), 's1')).toEqual({ type: 'TransferGuestStayToGroup', data: { stayId: 's1', groupId: 'g1' } });
    spec.given([selected('s1', 's2')]).thenOrders([
      { type: 'TransferGuestStayToGroup', data: { stayId: 's1', groupId: 'g1' } },
      { type: 'TransferGuestStayToGroup', data: { stayId: 's2', groupId: 'g1' } },
    ]);
  });

  it('a stay handed over is merged with the residual its state holds after the step, a repeat included', () => {
    const stay = staying(
      { type: 'GuestCharged', data: { stayId: 's1', chargeId: 'c1', amount: 1000 } },
      { type: 'GuestStayTransferredToGroup', data: { stayId: 's1', groupId: 'g1', residual: 1000 } },
    );
    expect(outcome('s1', { kind: 'decided', state: stay })).toEqual({ kind: 'merged', stayId: 's1', residual: 1000 });
  });

  it('a stay that refused is failed with the rule it refused with', () => {
    const refused: StepResult<GuestStay> = { kind: 'refused', rule: 'transferred-to-another-group', detail: 'stay s1 was taken over by group g2' };
    expect(outcome('s1', refused)).toEqual({ kind: 'failed', stayId: 's1', reason: 'transferred-to-another-group' });
  });

  it('the outcomes of an action are recorded on the group in one command, merged and failed apart', () => {
    const outcomes: MergeOutcome[] = [
      { kind: 'failed', stayId: 's1', reason: 'already-checked-out' },
      { kind: 'merged', stayId: 's2', residual: 700 },
      { kind: 'merged', stayId: 's3', residual: 0 },
    ];
    expect(record(group(selected('s1', 's2', 's3')), outcomes)).toEqual({
      type: 'RecordMergeOutcomes',
      data: { groupId: 'g1', merged: [{ stayId: 's2', residual: 700 }, { stayId: 's3', residual: 0 }], failed: [{ stayId: 's1', reason: 'already-checked-out' }] },
    });
  });

  it('recording an action settles every item it was asked for, so the process comes to rest', () => {
    const transferred = staying(
      { type: 'GuestCharged', data: { stayId: 's1', chargeId: 'c1', amount: 10 } },
      { type: 'GuestStayTransferredToGroup', data: { stayId: 's1', groupId: 'g1', residual: 10 } },
    );
    spec
      .given([selected('s1', 's2')])
      .whenSteps([
        ['s1', { kind: 'decided', state: transferred }],
        ['s2', { kind: 'refused', rule: 'stay-not-found', detail: 'stay s2 has no events' }],
      ])
      .then([
        { type: 'StaysMerged', data: { groupId: 'g1', stays: [{ stayId: 's1', residual: 10 }] } },
        { type: 'MergesFailed', data: { groupId: 'g1', stays: [{ stayId: 's2', reason: 'stay-not-found' }] } },
      ]);
    const before = group(selected('s1', 's2'));
    const outcomes = nextAction(before).map((stayId, index): MergeOutcome => (index === 0 ? { kind: 'merged', stayId, residual: 10 } : { kind: 'failed', stayId, reason: 'stay-not-found' }));
    const after = mergeStays.decide(record(before, outcomes), before).reduce((state, event, index) => mergeStays.evolve(state, event, testMetadata(index + 2)), before);
    expect(nextAction(after)).toEqual([]);
  });
});
