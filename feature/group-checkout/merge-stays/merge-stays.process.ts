import type { StepResult } from '@libs/event-model/board';
import type { GroupCheckout } from '../group-checkout.state';
import type { GuestStay } from '../guest-stay.state';
import type { RecordMergeOutcomes } from './merge-stays.decider';
import type { TransferGuestStayToGroup } from './transfer-stay.decider';

/** What became of one stay of the group's list: taken over with its residual, or refused with the rule it broke. */
export type MergeOutcome =
  | { readonly kind: 'merged'; readonly stayId: string; readonly residual: number }
  | { readonly kind: 'failed'; readonly stayId: string; readonly reason: string };

/** The group's to-do list as its own state says: its pending stays in selection order; nothing once it is confirmed. */
export const nextAction = (group: GroupCheckout): readonly string[] => (group.confirmed ? [] : group.pending);

/** The step on one pending stay: the stay is asked to hand itself over to the group. */
export const order = (group: GroupCheckout, stayId: string): TransferGuestStayToGroup => ({
  type: 'TransferGuestStayToGroup',
  data: { stayId, groupId: groupIdOf(group) },
});

/** A stay taken over brings the residual its own state now holds; a stay that refused brings the rule it refused with. */
export const outcome = (stayId: string, result: StepResult<GuestStay>): MergeOutcome => {
  if (result.kind === 'refused') return { kind: 'failed', stayId, reason: result.rule };
  const { transfer } = result.state;
  if (!transfer) throw new Error(`stay ${stayId} holds no transfer after it was transferred`);
  return { kind: 'merged', stayId, residual: transfer.residual };
};

/** The outcomes of an action, recorded on the group with its own command. */
export const record = (group: GroupCheckout, outcomes: readonly MergeOutcome[]): RecordMergeOutcomes => ({
  type: 'RecordMergeOutcomes',
  data: {
    groupId: groupIdOf(group),
    merged: outcomes.flatMap((item) => (item.kind === 'merged' ? [{ stayId: item.stayId, residual: item.residual }] : [])),
    failed: outcomes.flatMap((item) => (item.kind === 'failed' ? [{ stayId: item.stayId, reason: item.reason }] : [])),
  },
});

/** A group with stays to merge was named by the event that listed them. */
const groupIdOf = (group: GroupCheckout): string => {
  if (group.groupId === undefined) throw new Error('a group checkout with stays to merge has no id: its state was folded from no event');
  return group.groupId;
};
