import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { GROUP_ID } from './group-checkout.fields';

/** The clerk put these stays on the group's list: each is to be taken over by the group, or found unable to be. */
export type StaysSelected = DomainEvent<'StaysSelected', { groupId: string; stayIds: readonly string[] }>;

export const STAYS_SELECTED = eventContract<StaysSelected>({
  type: 'StaysSelected',
  version: 1,
  description: 'The clerk put these stays on the group\'s list: each is to be taken over by the group, or found unable to be.',
  fields: { groupId: GROUP_ID, stayIds: { kind: 'entity-ids', description: 'The stays newly on the list, in the order the clerk gave them: stay ids, never one already on it.' } },
  example: { groupId: 'wedding-7', stayIds: ['stay-101', 'stay-102'] },
});
