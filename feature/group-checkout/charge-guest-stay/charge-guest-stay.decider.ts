import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import type { GuestCharged } from '@model/group-checkout/guest-charged.event';
import { newGuestStay, stayLivedThrough, type GuestStay, type StayStatus } from '../guest-stay.state';

/** Put `amount` cents on the stay's bill, as charge `chargeId`. */
export type ChargeGuestStay = Command<'ChargeGuestStay', { stayId: string; chargeId: string; amount: number }>;

export class ChargeIdReused extends RuleViolation {
  constructor(stayId: string, chargeId: string, amount: number, recorded: number) {
    super('charge-id-reused', `charge ${chargeId} of stay ${stayId} was recorded as ${recorded} cents, not ${amount}: another charge needs another id`, {
      stayId,
      chargeId,
      amount,
      recordedAmount: recorded,
    });
  }
}

export class ChargedStayClosed extends RuleViolation {
  constructor(stayId: string, stayStatus: StayStatus) {
    super('stay-closed', `stay ${stayId} is ${stayStatus}: it takes no more charges`, { stayId, stayStatus });
  }
}

/** The front desk charges a stay: once per charge id, and only while the stay is open. */
export const chargeGuestStay: Decider<ChargeGuestStay, GuestStay, StayEvent> = {
  initialState: newGuestStay,
  evolve: stayLivedThrough,
  decide: (command, stay): GuestCharged[] => {
    const { stayId, chargeId, amount } = command.data;
    const recorded = stay.charges.get(chargeId);
    if (recorded?.amount === amount) return [];
    if (recorded) throw new ChargeIdReused(stayId, chargeId, amount, recorded.amount);
    if (stay.status === 'checked-out' || stay.status === 'transferred') throw new ChargedStayClosed(stayId, stay.status);
    return [{ type: 'GuestCharged', data: { stayId, chargeId, amount } }];
  },
};
