import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { GROUP_ID } from './group-checkout.fields';

/** The group's bill is settled and closed: every stay it took over is paid for, and nothing more joins it. */
export type GroupCheckoutConfirmed = DomainEvent<'GroupCheckoutConfirmed', { groupId: string }>;

export const GROUP_CHECKOUT_CONFIRMED = eventContract<GroupCheckoutConfirmed>({
  type: 'GroupCheckoutConfirmed',
  version: 1,
  description: 'The group\'s bill is settled and closed: every stay it took over is paid for, and nothing more joins it.',
  fields: { groupId: GROUP_ID },
  example: { groupId: 'wedding-7' },
});
