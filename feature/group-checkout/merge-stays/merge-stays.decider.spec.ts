import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { mergeStays, type FailedStay, type MergedStay, type RecordMergeOutcomes } from './merge-stays.decider';

const record = (merged: MergedStay[], failed: FailedStay[] = []): RecordMergeOutcomes => ({ type: 'RecordMergeOutcomes', data: { groupId: 'g1', merged, failed } });
const selected = (...stayIds: string[]): GroupEvent => ({ type: 'StaysSelected', data: { groupId: 'g1', stayIds } });
const merged = (...stays: MergedStay[]): GroupEvent => ({ type: 'StaysMerged', data: { groupId: 'g1', stays } });
const failed = (...stays: FailedStay[]): GroupEvent => ({ type: 'MergesFailed', data: { groupId: 'g1', stays } });
const spec = DeciderSpecification.for(mergeStays);

describe('the group records what became of its stays', () => {
  it('stays taken over are merged with their residuals', () =>
    spec.given([selected('s1', 's2')]).when(record([{ stayId: 's1', residual: 1000 }, { stayId: 's2', residual: -50 }])).then([merged({ stayId: 's1', residual: 1000 }, { stayId: 's2', residual: -50 })]));

  it('stays that refused are failed with their reasons', () =>
    spec.given([selected('s1')]).when(record([], [{ stayId: 's1', reason: 'already-checked-out' }])).then([failed({ stayId: 's1', reason: 'already-checked-out' })]));

  it('merged and failed stays are recorded in one decision', () =>
    spec
      .given([selected('s1', 's2', 's3')])
      .when(record([{ stayId: 's2', residual: 300 }], [{ stayId: 's1', reason: 'transferred-to-another-group' }, { stayId: 's3', reason: 'stay-not-found' }]))
      .then([merged({ stayId: 's2', residual: 300 }), failed({ stayId: 's1', reason: 'transferred-to-another-group' }, { stayId: 's3', reason: 'stay-not-found' })]));

  it('only stays still pending are recorded: others of the command are left out', () =>
    spec
      .given([selected('s1', 's2'), merged({ stayId: 's1', residual: 1000 })])
      .when(record([{ stayId: 's1', residual: 999 }, { stayId: 's2', residual: 200 }, { stayId: 'never-selected', residual: 5 }]))
      .then([merged({ stayId: 's2', residual: 200 })]));

  it('the same outcomes recorded again change nothing', () =>
    spec
      .given([selected('s1', 's2'), merged({ stayId: 's1', residual: 1000 }), failed({ stayId: 's2', reason: 'stay-not-found' })])
      .when(record([{ stayId: 's1', residual: 1000 }], [{ stayId: 's2', reason: 'stay-not-found' }]))
      .thenNothingHappens());

  it('a stay given twice is recorded once, as first given', () =>
    spec.given([selected('s1')]).when(record([{ stayId: 's1', residual: 100 }], [{ stayId: 's1', reason: 'stay-not-found' }])).then([merged({ stayId: 's1', residual: 100 })]));
});
