import type { StateViewSlice } from '@libs/event-model/board';
import type { GroupCheckoutEvent } from '@model/group-checkout/group-checkout.events';
import { GROUP_CHECKOUT_STREAM, guestStaySubjectFilter } from '@stream/group-checkout.stream';
import { guestStay, type GuestStayView } from './guest-stay.projection';

/** What each guest owes on their stay, and whether it is open, checked out or taken over by a group. */
export const GUEST_STAY_VIEW: StateViewSlice<GroupCheckoutEvent, GuestStayView> = {
  kind: 'state-view',
  name: 'guest-stay',
  title: 'The guest stay and what is owed on it',
  view: { name: 'guest-stay', fields: ['stayId', 'balance', 'status', 'groupId'] },
  stream: GROUP_CHECKOUT_STREAM,
  subjects: guestStaySubjectFilter(),
  events: ['GuestCharged', 'GuestPaid', 'GuestCheckedOut', 'GuestStayTransferredToGroup'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/guest-stay/:stayId' }],
  projection: guestStay,
  shownTo: ['Clerk', 'Guest'],
  rules: [
    'charges raise the balance and payments lower it, below 0 when paid ahead',
    'a checked-out stay shows checked out',
    'a stay taken over by a group shows transferred, with the group and the balance it had',
    'the group\'s own events show no stay',
  ],
};
