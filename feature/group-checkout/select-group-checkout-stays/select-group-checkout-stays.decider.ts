import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import type { StaysSelected } from '@model/group-checkout/stays-selected.event';
import { groupLivedThrough, newGroupCheckout, type GroupCheckout } from '../group-checkout.state';
import type { StoredAt } from '../group-checkout.postings';

/** Put these stays on the group's list, for the group to take them over. */
export type SelectGroupCheckoutStays = Command<'SelectGroupCheckoutStays', { groupId: string; stayIds: readonly string[] }>;

export class SelectionAlreadyConfirmed extends RuleViolation {
  constructor(groupId: string) {
    super('already-confirmed', `group ${groupId} is confirmed: no more stays join it`, { groupId });
  }
}

/** The stays of a selection not on the group's list yet, once each, in the order given. */
export const newlySelected = (group: GroupCheckout, stayIds: readonly string[]): string[] => [...new Set(stayIds)].filter((stayId) => !group.selected.has(stayId));

/** The event that put the last of these stays on the list: what a selection that adds nothing is answered with. */
export const selectedBy = (group: GroupCheckout, stayIds: readonly string[]): StoredAt | undefined =>
  stayIds.reduce<StoredAt | undefined>((latest, stayId) => {
    const at = group.selected.get(stayId);
    return at && (!latest || at.sequence > latest.sequence) ? at : latest;
  }, undefined);

/** The clerk selects stays for the group: each is listed once, whatever it became since; none after the confirmation. */
export const selectGroupCheckoutStays: Decider<SelectGroupCheckoutStays, GroupCheckout, GroupEvent> = {
  initialState: newGroupCheckout,
  evolve: groupLivedThrough,
  decide: (command, group): StaysSelected[] => {
    const { groupId, stayIds } = command.data;
    const fresh = newlySelected(group, stayIds);
    if (fresh.length === 0) return [];
    if (group.confirmed) throw new SelectionAlreadyConfirmed(groupId);
    return [{ type: 'StaysSelected', data: { groupId, stayIds: fresh } }];
  },
};
