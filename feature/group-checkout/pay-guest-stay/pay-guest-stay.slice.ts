import type { StateChangeSlice } from '@libs/event-model/board';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { GROUP_CHECKOUT_STREAM, guestStaySubject } from '@stream/group-checkout.stream';
import { commandTriggers } from '../group-checkout.triggers';
import type { GuestStay } from '../guest-stay.state';
import { payGuestStay, type PayGuestStay } from './pay-guest-stay.decider';

/** The guest pays towards their own stay, at any time while it is open. */
export const PAY_GUEST_STAY: StateChangeSlice<PayGuestStay, GuestStay, StayEvent> = {
  kind: 'state-change',
  name: 'pay-guest-stay',
  title: 'The guest pays for their stay',
  actor: 'Guest',
  triggers: commandTriggers('pay-guest-stay'),
  command: { name: 'PayGuestStay', fields: ['stayId', 'paymentId', 'amount'] },
  stream: GROUP_CHECKOUT_STREAM,
  events: ['GuestPaid'],
  decider: payGuestStay,
  entity: ({ data }) => guestStaySubject(data.stayId),
  rules: [
    'a payment is recorded against the stay\'s charges',
    'a first payment opens the stay: the guest may pay ahead',
    'the same payment again changes nothing',
    'a payment id is not reused for another amount',
    'a checked-out stay takes no more payments',
    'a stay taken over by a group takes no more payments',
    'a payment recorded before the stay closed is answered the same when retried after',
  ],
};
