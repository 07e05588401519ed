import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import type { GroupCheckoutConfirmed } from '@model/group-checkout/group-checkout-confirmed.event';
import { groupBalance, groupLivedThrough, newGroupCheckout, type GroupCheckout } from '../group-checkout.state';

/** Close the group's bill: every stay it took over is paid for. */
export type ConfirmGroupCheckout = Command<'ConfirmGroupCheckout', { groupId: string }>;

export class NoStaysSelected extends RuleViolation {
  constructor(groupId: string) {
    super('no-stays-selected', `group ${groupId} never had a stay selected: there is nothing to confirm`, { groupId });
  }
}

export class MergesInProgress extends RuleViolation {
  constructor(groupId: string, pending: number) {
    super('merges-in-progress', `group ${groupId} is still taking over ${pending} of its stays; confirm once they are merged`, { groupId, pending });
  }
}

export class GroupBalanceOutstanding extends RuleViolation {
  constructor(groupId: string, balance: number) {
    const owed = balance > 0 ? `${balance} cents are still to be paid` : `${-balance} cents were paid more than owed`;
    super('balance-outstanding', `group ${groupId} cannot be confirmed: ${owed}`, { groupId, balance });
  }
}

/** The clerk confirms the group checkout: stays were selected, every one of them is merged or failed, and the balance is 0. */
export const confirmGroupCheckout: Decider<ConfirmGroupCheckout, GroupCheckout, GroupEvent> = {
  initialState: newGroupCheckout,
  evolve: groupLivedThrough,
  decide: (command, group): GroupCheckoutConfirmed[] => {
    const { groupId } = command.data;
    if (group.confirmed) return [];
    if (group.selected.size === 0) throw new NoStaysSelected(groupId);
    if (group.pending.length > 0) throw new MergesInProgress(groupId, group.pending.length);
    const balance = groupBalance(group);
    if (balance !== 0) throw new GroupBalanceOutstanding(groupId, balance);
    return [{ type: 'GroupCheckoutConfirmed', data: { groupId } }];
  },
};
