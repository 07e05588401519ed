import { assertNever, type Command, type Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import type { GuestStayTransferredToGroup } from '@model/group-checkout/guest-stay-transferred-to-group.event';
import { newGuestStay, stayLivedThrough, type GuestStay } from '../guest-stay.state';

/** Hand the stay over to group `groupId`, with what is left to pay on it: the group checkout's step on each stay of its list. */
export type TransferGuestStayToGroup = Command<'TransferGuestStayToGroup', { stayId: string; groupId: string }>;

export class TransferredToAnotherGroup extends RuleViolation {
  constructor(stayId: string, groupId: string, otherGroupId: string) {
    super('transferred-to-another-group', `stay ${stayId} was taken over by group ${otherGroupId}, so group ${groupId} cannot take it`, { stayId, groupId, otherGroupId });
  }
}

export class TransferredStayCheckedOut extends RuleViolation {
  constructor(stayId: string, groupId: string) {
    super('already-checked-out', `stay ${stayId} was checked out on its own, so group ${groupId} has nothing to take over`, { stayId, groupId });
  }
}

export class TransferredStayNotFound extends RuleViolation {
  constructor(stayId: string, groupId: string) {
    super('stay-not-found', `stay ${stayId} has no charge and no payment: there is no stay for group ${groupId} to take over`, { stayId, groupId });
  }
}

/** A group takes an open stay over with its balance as the residual; taking it again is nothing new; a closed or unknown stay refuses. */
export const transferStay: Decider<TransferGuestStayToGroup, GuestStay, StayEvent> = {
  initialState: newGuestStay,
  evolve: stayLivedThrough,
  decide: (command, stay): GuestStayTransferredToGroup[] => {
    const { stayId, groupId } = command.data;
    switch (stay.status) {
      case undefined:
        throw new TransferredStayNotFound(stayId, groupId);
      case 'checked-out':
        throw new TransferredStayCheckedOut(stayId, groupId);
      case 'transferred':
        if (stay.transfer?.groupId === groupId) return [];
        throw new TransferredToAnotherGroup(stayId, groupId, stay.transfer?.groupId ?? '');
      case 'active':
        return [{ type: 'GuestStayTransferredToGroup', data: { stayId, groupId, residual: stay.balance } }];
      default:
        return assertNever(stay.status);
    }
  },
};
