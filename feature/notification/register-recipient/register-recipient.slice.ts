import type { StateChangeSlice } from '@libs/event-model/board';
import type { RecipientEvent } from '@model/notification/notification.events';
import { NOTIFICATION_STREAM, recipientSubject } from '@stream/notification.stream';
import { commandTriggers } from '../notification.triggers';
import { registerRecipient, type Recipient, type RegisterRecipient } from './register-recipient.decider';

/** Someone says how a recipient wants to be reached: which channels, and the address on each. */
export const REGISTER_RECIPIENT: StateChangeSlice<RegisterRecipient, Recipient, RecipientEvent> = {
  kind: 'state-change',
  name: 'register-recipient',
  title: 'Register a recipient\'s channels',
  actor: 'Client',
  triggers: commandTriggers('register-recipient'),
  command: { name: 'RegisterRecipient', fields: ['recipientId', 'email', 'slackChannel', 'channels'] },
  stream: NOTIFICATION_STREAM,
  events: ['RecipientRegistered'],
  decider: registerRecipient,
  entity: ({ data }) => recipientSubject(data.recipientId),
  rules: [
    'a recipient is registered with their channels and addresses',
    'registering again with other channels or addresses replaces them',
    'the same registration again changes nothing',
    'an empty list of channels opts the recipient out of everything',
  ],
};
