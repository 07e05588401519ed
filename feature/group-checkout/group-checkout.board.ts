import type { Board } from '@libs/event-model/board';
import { GROUP_CHECKOUT_STREAM, groupCheckoutCommandSubjectFilter } from '@stream/group-checkout.stream';
import { ChargeGuestStayController } from './charge-guest-stay/charge-guest-stay.controller';
import { CHARGE_GUEST_STAY } from './charge-guest-stay/charge-guest-stay.slice';
import { CheckOutGuestStayController } from './check-out-guest-stay/check-out-guest-stay.controller';
import { CHECK_OUT_GUEST_STAY } from './check-out-guest-stay/check-out-guest-stay.slice';
import { ConfirmGroupCheckoutController } from './confirm-group-checkout/confirm-group-checkout.controller';
import { CONFIRM_GROUP_CHECKOUT } from './confirm-group-checkout/confirm-group-checkout.slice';
import { GroupCheckoutController } from './group-checkout/group-checkout.controller';
import { GROUP_CHECKOUT_VIEW } from './group-checkout/group-checkout.slice';
import { GuestStayController } from './guest-stay/guest-stay.controller';
import { GUEST_STAY_VIEW } from './guest-stay/guest-stay.slice';
import { MERGE_STAYS } from './merge-stays/merge-stays.slice';
import { PayGroupCheckoutController } from './pay-group-checkout/pay-group-checkout.controller';
import { PAY_GROUP_CHECKOUT } from './pay-group-checkout/pay-group-checkout.slice';
import { PayGuestStayController } from './pay-guest-stay/pay-guest-stay.controller';
import { PAY_GUEST_STAY } from './pay-guest-stay/pay-guest-stay.slice';
import { SelectGroupCheckoutStaysController } from './select-group-checkout-stays/select-group-checkout-stays.controller';
import { SELECT_GROUP_CHECKOUT_STAYS } from './select-group-checkout-stays/select-group-checkout-stays.slice';

/**
 * Group checkout: guests run up and pay their own stays' bills; a clerk checks a guest out alone, or puts several
 * stays on a group checkout, which takes each over with what is left to pay (a process on its own to-do list),
 * is paid as one, and is confirmed once nothing is pending and nothing is owed.
 */
export const GROUP_CHECKOUT_BOARD: Board = {
  name: 'group-checkout',
  title: 'Group checkout',
  actors: [
    { name: 'Clerk', kind: 'person' },
    { name: 'Guest', kind: 'person' },
    { name: 'Bot', kind: 'system' },
  ],
  streams: [GROUP_CHECKOUT_STREAM],
  commandSubjects: groupCheckoutCommandSubjectFilter(),
  slices: [
    CHARGE_GUEST_STAY,
    PAY_GUEST_STAY,
    GUEST_STAY_VIEW,
    CHECK_OUT_GUEST_STAY,
    SELECT_GROUP_CHECKOUT_STAYS,
    MERGE_STAYS,
    GROUP_CHECKOUT_VIEW,
    PAY_GROUP_CHECKOUT,
    CONFIRM_GROUP_CHECKOUT,
  ],
  controllers: [
    ChargeGuestStayController,
    PayGuestStayController,
    GuestStayController,
    CheckOutGuestStayController,
    SelectGroupCheckoutStaysController,
    GroupCheckoutController,
    PayGroupCheckoutController,
    ConfirmGroupCheckoutController,
  ],
};
