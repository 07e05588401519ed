import type { StateChangeSlice } from '@libs/event-model/board';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { GROUP_CHECKOUT_STREAM, groupCheckoutSubject } from '@stream/group-checkout.stream';
import type { GroupCheckout } from '../group-checkout.state';
import { commandTriggers } from '../group-checkout.triggers';
import { confirmGroupCheckout, type ConfirmGroupCheckout } from './confirm-group-checkout.decider';

/** The clerk closes the group's bill once every stay on its list is settled and everything it took over is paid. */
export const CONFIRM_GROUP_CHECKOUT: StateChangeSlice<ConfirmGroupCheckout, GroupCheckout, GroupEvent> = {
  kind: 'state-change',
  name: 'confirm-group-checkout',
  title: 'The clerk confirms the group checkout',
  actor: 'Clerk',
  triggers: commandTriggers('confirm-group-checkout'),
  command: { name: 'ConfirmGroupCheckout', fields: ['groupId'] },
  stream: GROUP_CHECKOUT_STREAM,
  events: ['GroupCheckoutConfirmed'],
  decider: confirmGroupCheckout,
  entity: ({ data }) => groupCheckoutSubject(data.groupId),
  rules: [
    'a group whose stays are all merged or failed and whose balance is paid is confirmed',
    'confirming it again changes nothing',
    'a group with stays still pending is not confirmed yet',
    'a group with a balance is not confirmed, and the refusal says the balance',
    'a group that never had a stay selected is not confirmed, paid or not',
    'a group whose every stay failed to merge is confirmed with nothing to pay',
  ],
};
