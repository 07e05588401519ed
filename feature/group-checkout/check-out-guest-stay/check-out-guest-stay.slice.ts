import type { StateChangeSlice } from '@libs/event-model/board';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { GROUP_CHECKOUT_STREAM, guestStaySubject } from '@stream/group-checkout.stream';
import { commandTriggers } from '../group-checkout.triggers';
import type { GuestStay } from '../guest-stay.state';
import { checkOutGuestStay, type CheckOutGuestStay } from './check-out-guest-stay.decider';

/** The clerk checks a guest out on their own, once nothing is owed either way. */
export const CHECK_OUT_GUEST_STAY: StateChangeSlice<CheckOutGuestStay, GuestStay, StayEvent> = {
  kind: 'state-change',
  name: 'check-out-guest-stay',
  title: 'The guest checks out',
  actor: 'Clerk',
  triggers: commandTriggers('check-out-guest-stay'),
  command: { name: 'CheckOutGuestStay', fields: ['stayId'] },
  stream: GROUP_CHECKOUT_STREAM,
  events: ['GuestCheckedOut'],
  decider: checkOutGuestStay,
  entity: ({ data }) => guestStaySubject(data.stayId),
  rules: [
    'a stay paid in full is checked out',
    'a stay with a balance is not checked out, and the refusal says the balance',
    'a stay paid ahead is not checked out either: its balance is below 0',
    'a stay is checked out once',
    'a stay taken over by a group is checked out with the group, not on its own',
    'a stay with no charge and no payment is not found',
  ],
};
