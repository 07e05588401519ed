import type { StateChangeSlice } from '@libs/event-model/board';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { GROUP_CHECKOUT_STREAM, guestStaySubject } from '@stream/group-checkout.stream';
import { commandTriggers } from '../group-checkout.triggers';
import type { GuestStay } from '../guest-stay.state';
import { chargeGuestStay, type ChargeGuestStay } from './charge-guest-stay.decider';

/** The front desk puts what a guest consumed on their stay's bill. */
export const CHARGE_GUEST_STAY: StateChangeSlice<ChargeGuestStay, GuestStay, StayEvent> = {
  kind: 'state-change',
  name: 'charge-guest-stay',
  title: 'The front desk charges a guest stay',
  actor: 'Clerk',
  triggers: commandTriggers('charge-guest-stay'),
  command: { name: 'ChargeGuestStay', fields: ['stayId', 'chargeId', 'amount'] },
  stream: GROUP_CHECKOUT_STREAM,
  events: ['GuestCharged'],
  decider: chargeGuestStay,
  entity: ({ data }) => guestStaySubject(data.stayId),
  rules: [
    'a first charge opens the stay',
    'an open stay takes more charges, before or after payments',
    'the same charge again changes nothing',
    'a charge id is not reused for another amount',
    'a checked-out stay takes no more charges',
    'a stay taken over by a group takes no more charges',
    'a charge recorded before the stay closed is answered the same when retried after',
  ],
};
