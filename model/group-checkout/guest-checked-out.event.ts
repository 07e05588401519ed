import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { STAY_ID } from './group-checkout.fields';

/** The guest left with nothing owed either way: the stay is closed to charges, payments and groups. */
export type GuestCheckedOut = DomainEvent<'GuestCheckedOut', { stayId: string }>;

export const GUEST_CHECKED_OUT = eventContract<GuestCheckedOut>({
  type: 'GuestCheckedOut',
  version: 1,
  description: 'The guest left with nothing owed either way: the stay is closed to charges, payments and groups.',
  fields: { stayId: STAY_ID },
  example: { stayId: 'stay-101' },
});
