import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { RECIPIENT_ID, type Channel } from './notification.fields';

/** A recipient's preferred channels and where each reaches them; an empty list opts them out of every notification. */
export type RecipientRegistered = DomainEvent<'RecipientRegistered', { recipientId: string; email: string; slackChannel: string; channels: readonly Channel[] }>;

export const RECIPIENT_REGISTERED = eventContract<RecipientRegistered>({
  type: 'RecipientRegistered',
  version: 1,
  description: "A recipient's preferred channels and where each reaches them; an empty list opts them out of every notification.",
  fields: {
    recipientId: RECIPIENT_ID,
    email: { kind: 'text', description: 'The recipient\'s email address; empty when they have none.' },
    slackChannel: { kind: 'text', description: 'The recipient\'s Slack channel; empty when they have none.' },
    channels: { kind: 'entity-ids', description: 'The channels the recipient wants notifications on, `email` and `slack`; none opts out of everything.' },
  },
  example: {"recipientId": "ada", "email": "ada@example.com", "slackChannel": "#ada", "channels": ["email", "slack"]},
});
