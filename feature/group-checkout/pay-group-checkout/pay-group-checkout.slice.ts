import type { StateChangeSlice } from '@libs/event-model/board';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { GROUP_CHECKOUT_STREAM, groupCheckoutSubject } from '@stream/group-checkout.stream';
import type { GroupCheckout } from '../group-checkout.state';
import { commandTriggers } from '../group-checkout.triggers';
import { payGroupCheckout, type PayGroupCheckout } from './pay-group-checkout.decider';

/** The clerk takes a payment towards the group's bill, at any time before it is confirmed. */
export const PAY_GROUP_CHECKOUT: StateChangeSlice<PayGroupCheckout, GroupCheckout, GroupEvent> = {
  kind: 'state-change',
  name: 'pay-group-checkout',
  title: 'Someone pays for the group checkout',
  actor: 'Clerk',
  triggers: commandTriggers('pay-group-checkout'),
  command: { name: 'PayGroupCheckout', fields: ['groupId', 'paymentId', 'amount'] },
  stream: GROUP_CHECKOUT_STREAM,
  events: ['GroupCheckoutPaid'],
  decider: payGroupCheckout,
  entity: ({ data }) => groupCheckoutSubject(data.groupId),
  rules: [
    'a payment is recorded against the group\'s bill',
    'the group may be paid before any stay is selected or merged',
    'the same payment again changes nothing',
    'a payment id is not reused for another amount',
    'a confirmed group takes no more payments',
    'a payment recorded before the confirmation is answered the same when retried after',
  ],
};
