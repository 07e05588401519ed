import type { Command, Decider } from '@libs/decider/decider';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import type { MergesFailed } from '@model/group-checkout/merges-failed.event';
import type { StaysMerged } from '@model/group-checkout/stays-merged.event';
import { groupLivedThrough, newGroupCheckout, type GroupCheckout } from '../group-checkout.state';

export interface MergedStay {
  readonly stayId: string;
  readonly residual: number;
}

export interface FailedStay {
  readonly stayId: string;
  readonly reason: string;
}

/** Record on the group what became of stays of its list: taken over with their residuals, or refused with a reason. */
export type RecordMergeOutcomes = Command<'RecordMergeOutcomes', { groupId: string; merged: readonly MergedStay[]; failed: readonly FailedStay[] }>;

/** The group's process records its outcomes: only for stays still pending, each once, merged and failed in one decision. */
export const mergeStays: Decider<RecordMergeOutcomes, GroupCheckout, GroupEvent> = {
  initialState: newGroupCheckout,
  evolve: groupLivedThrough,
  decide: (command, group): (StaysMerged | MergesFailed)[] => {
    const { groupId } = command.data;
    // Each pending stay is taken once: a stay not pending, or given again, is left out.
    const open = new Set(group.pending);
    const take = (stayId: string): boolean => open.delete(stayId);
    const merged = command.data.merged.filter(({ stayId }) => take(stayId)).map(({ stayId, residual }) => ({ stayId, residual }));
    const failed = command.data.failed.filter(({ stayId }) => take(stayId)).map(({ stayId, reason }) => ({ stayId, reason }));
    return [
      ...(merged.length > 0 ? [{ type: 'StaysMerged' as const, data: { groupId, stays: merged } }] : []),
      ...(failed.length > 0 ? [{ type: 'MergesFailed' as const, data: { groupId, stays: failed } }] : []),
    ];
  },
};
