import type { Command, Decider } from '@libs/decider/decider';
import type { RecipientEvent, RecipientRegistered } from '@model/notification/notification.events';

/** Say which channels a recipient wants and where each reaches them. */
export type RegisterRecipient = Command<'RegisterRecipient', RecipientRegistered['data']>;

/** A recipient as registered last, and the event that says so. */
export interface Recipient {
  readonly registered?: RecipientRegistered['data'] & { readonly eventId: string; readonly sequence: number };
}

const sameContact = (left: RecipientRegistered['data'], right: RecipientRegistered['data']): boolean =>
  left.email === right.email && left.slackChannel === right.slackChannel && left.channels.join() === right.channels.join();

/** A registration replaces the last one; the same one again changes nothing. */
export const registerRecipient: Decider<RegisterRecipient, Recipient, RecipientEvent> = {
  initialState: () => ({}),
  evolve: (_recipient, event, metadata) => ({ registered: { ...event.data, eventId: metadata.id, sequence: metadata.sequence } }),
  decide: ({ data }, { registered }): RecipientRegistered[] => (registered && sameContact(registered, data) ? [] : [{ type: 'RecipientRegistered', data }]),
};
