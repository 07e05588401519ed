import type { EntityRead } from '@libs/command/entity-read';
import type { RecipientEvent } from '@model/notification/notification.events';
import type { ChannelAddress } from '@model/notification/notification.fields';
import { NOTIFICATION_STREAM, recipientSubject } from '@stream/notification.stream';

/** How a recipient is reached now: their channels, each with its address; undefined when they were never registered. */
export type RecipientContact = { readonly channels: readonly ChannelAddress[] } | undefined;

/** The recipient's channels as their last registration says; read for every request, since a recipient may change them. */
export const RECIPIENT_CONTACT: EntityRead<string, RecipientContact, RecipientEvent> = {
  name: 'recipient-contact',
  stream: NOTIFICATION_STREAM,
  subjectOf: (recipientId) => recipientSubject(recipientId),
  initial: () => undefined,
  evolve: (_contact, { data }) => ({
    channels: data.channels.map((channel) => ({ channel, address: channel === 'email' ? data.email : data.slackChannel })),
  }),
  settled: () => false,
};
