import { fillSubject, type EventStreamDefinition, type StreamEntity } from '@libs/event-model/event-stream';
import { subjectToken } from '@libs/ids/entity-id';
import { GROUP_CHECKOUT_EVENT_CONTRACTS, GROUP_CHECKOUT_EVENT_TYPES, GROUP_EVENT_TYPES, STAY_EVENT_TYPES } from '@model/group-checkout/group-checkout.events';
import { commandSubject, commandSubjectFilter } from './command-subjects';

const STAY: StreamEntity = {
  name: 'stay',
  description: 'One guest\'s stay: its charges and payments, and how it closed (checked out, or taken over by a group).',
  subject: 'group-checkout.stay.{stayId}',
  params: { stayId: 'The stay\'s id' },
  eventTypes: STAY_EVENT_TYPES,
};

const GROUP: StreamEntity = {
  name: 'group',
  description: 'One group checkout: the stays on its list and what became of each, its payments and its confirmation.',
  subject: 'group-checkout.group.{groupId}',
  params: { groupId: 'The group checkout\'s id' },
  eventTypes: GROUP_EVENT_TYPES,
};

/** The group checkouts' events: two kinds of entities, guest stays and group checkouts, each on its own subject. */
export const GROUP_CHECKOUT_STREAM: EventStreamDefinition = {
  name: 'GROUP_CHECKOUT',
  subjects: ['group-checkout.>'],
  typePrefix: 'group-checkout',
  eventTypes: GROUP_CHECKOUT_EVENT_TYPES,
  entities: [STAY, GROUP],
  contracts: GROUP_CHECKOUT_EVENT_CONTRACTS,
};

export const guestStaySubject = (stayId: string): string => fillSubject(STAY, { stayId: subjectToken(stayId) });

/** Every guest stay. */
export const guestStaySubjectFilter = (): string => fillSubject(STAY, { stayId: '*' });

export const groupCheckoutSubject = (groupId: string): string => fillSubject(GROUP, { groupId: subjectToken(groupId) });

/** Every group checkout. */
export const groupCheckoutSubjectFilter = (): string => fillSubject(GROUP, { groupId: '*' });

/** NATS request/reply subjects of the group checkouts' commands: `cmd.group-checkout.<command>`. */
export const groupCheckoutCommandSubject = (command: string): string => commandSubject('group-checkout', command);

/** Every command of the group checkouts, for permissions and subscriptions. */
export const groupCheckoutCommandSubjectFilter = (): string => commandSubjectFilter('group-checkout');
