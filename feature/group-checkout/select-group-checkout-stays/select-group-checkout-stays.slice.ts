import type { StateChangeSlice } from '@libs/event-model/board';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { GROUP_CHECKOUT_STREAM, groupCheckoutSubject } from '@stream/group-checkout.stream';
import type { GroupCheckout } from '../group-checkout.state';
import { commandTriggers } from '../group-checkout.triggers';
import { selectGroupCheckoutStays, type SelectGroupCheckoutStays } from './select-group-checkout-stays.decider';

/** The clerk puts guests' stays on a group checkout's list; the group then takes each over, or finds it cannot. */
export const SELECT_GROUP_CHECKOUT_STAYS: StateChangeSlice<SelectGroupCheckoutStays, GroupCheckout, GroupEvent> = {
  kind: 'state-change',
  name: 'select-group-checkout-stays',
  title: 'The clerk selects stays for a group checkout',
  actor: 'Clerk',
  triggers: commandTriggers('select-group-checkout-stays'),
  command: { name: 'SelectGroupCheckoutStays', fields: ['groupId', 'stayIds'] },
  stream: GROUP_CHECKOUT_STREAM,
  events: ['StaysSelected'],
  decider: selectGroupCheckoutStays,
  entity: ({ data }) => groupCheckoutSubject(data.groupId),
  rules: [
    'selected stays go on the group\'s list, in the order given',
    'a stay given twice is listed once',
    'only stays not on the list yet are selected: pending, merged and failed ones are left as they are',
    'the same selection again changes nothing',
    'a stay may join until the group is confirmed, even after payments',
    'a confirmed group takes no more stays',
    'a selection retried after the confirmation changes nothing',
  ],
};
