import { assertNever, type Command, type Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import type { GuestCheckedOut } from '@model/group-checkout/guest-checked-out.event';
import { newGuestStay, stayLivedThrough, type GuestStay } from '../guest-stay.state';

/** Close the stay: the guest leaves, owing nothing and owed nothing. */
export type CheckOutGuestStay = Command<'CheckOutGuestStay', { stayId: string }>;

export class CheckOutStayNotFound extends RuleViolation {
  constructor(stayId: string) {
    super('stay-not-found', `stay ${stayId} has no charge and no payment: there is no stay to check out`, { stayId });
  }
}

export class StayBalanceOutstanding extends RuleViolation {
  constructor(stayId: string, balance: number) {
    const owed = balance > 0 ? `the guest still owes ${balance} cents` : `the guest paid ${-balance} cents more than charged`;
    super('balance-outstanding', `stay ${stayId} cannot be checked out: ${owed}`, { stayId, balance });
  }
}

export class StayAlreadyCheckedOut extends RuleViolation {
  constructor(stayId: string, groupId?: string) {
    const how = groupId === undefined ? 'was already checked out' : `was taken over by group ${groupId}, which checks it out`;
    super('already-checked-out', `stay ${stayId} ${how}`, { stayId, ...(groupId === undefined ? {} : { groupId }) });
  }
}

/** The guest checks out: a stay that exists, is still open, and whose balance is 0. */
export const checkOutGuestStay: Decider<CheckOutGuestStay, GuestStay, StayEvent> = {
  initialState: newGuestStay,
  evolve: stayLivedThrough,
  decide: (command, stay): GuestCheckedOut[] => {
    const { stayId } = command.data;
    switch (stay.status) {
      case undefined:
        throw new CheckOutStayNotFound(stayId);
      case 'checked-out':
        throw new StayAlreadyCheckedOut(stayId);
      case 'transferred':
        throw new StayAlreadyCheckedOut(stayId, stay.transfer?.groupId);
      case 'active':
        if (stay.balance !== 0) throw new StayBalanceOutstanding(stayId, stay.balance);
        return [{ type: 'GuestCheckedOut', data: { stayId } }];
      default:
        return assertNever(stay.status);
    }
  },
};
