import type { StateViewSlice } from '@libs/event-model/board';
import type { GroupCheckoutEvent } from '@model/group-checkout/group-checkout.events';
import { GROUP_CHECKOUT_STREAM, groupCheckoutSubjectFilter } from '@stream/group-checkout.stream';
import { groupCheckout, type GroupCheckoutView } from './group-checkout.projection';

/** Where each group checkout stands: its stays pending, merged and failed, its balance, what was paid, its status. */
export const GROUP_CHECKOUT_VIEW: StateViewSlice<GroupCheckoutEvent, GroupCheckoutView> = {
  kind: 'state-view',
  name: 'group-checkout',
  title: 'The group checkout and where it stands',
  view: { name: 'group-checkout', fields: ['groupId', 'pending', 'merged', 'failed', 'balance', 'paid', 'status'] },
  stream: GROUP_CHECKOUT_STREAM,
  subjects: groupCheckoutSubjectFilter(),
  events: ['StaysSelected', 'StaysMerged', 'MergesFailed', 'GroupCheckoutPaid', 'GroupCheckoutConfirmed'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/group-checkout/:groupId' }],
  projection: groupCheckout,
  shownTo: ['Clerk'],
  rules: [
    'selected stays are pending, in selection order, while the group merges them',
    'merged stays bring their residuals into the balance, failed ones their reasons; nothing pending is ready',
    'payments lower the balance, before or after merges',
    'a confirmed group shows confirmed',
    'each group has its own entry, and the stays\' own events show no group',
  ],
};
