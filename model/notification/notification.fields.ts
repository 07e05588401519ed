import type { FieldContract } from '@libs/event-model/event-contract';

/** The fields notification events share, with what they mean wherever they appear. */
export const NOTIFICATION_ID: FieldContract = { kind: 'entity-id', description: 'The notification, which is also its tracking id: chosen by the client, or a UUID the service gave it.' };
export const RECIPIENT_ID: FieldContract = { kind: 'entity-id', description: 'The recipient the notification is for.' };
export const OPERATION_ID: FieldContract = { kind: 'entity-id', description: 'The operation: one message on one channel, and the idempotency key it carries to the outside world (an email\'s Message-ID).' };
export const SUBJECT: FieldContract = { kind: 'text', description: 'The notification\'s subject line.' };
export const BODY: FieldContract = { kind: 'text', description: 'The notification\'s text.' };
export const ATTEMPTS: FieldContract = { kind: 'count', description: 'Attempts made on the channel, the last one included.' };
export const REASON: FieldContract = { kind: 'text', description: 'Why the last attempt failed.' };
export const PURPOSE: FieldContract = { kind: 'text', description: '`recipient` for a notification\'s own message, `internal-team` for the notice to the internal team about a notification.' };
export const EMAIL_ADDRESS: FieldContract = { kind: 'text', description: 'An email address.' };
export const SLACK_CHANNEL: FieldContract = { kind: 'text', description: 'A Slack channel, such as `#alerts`.' };
export const OUTCOME: FieldContract = { kind: 'text', description: 'How the notification ended on its channels: `sent-on-all`, `sent-on-some` or `failed`.' };

/** A channel of the notification and where it goes: `email` to an address, `slack` to a channel. */
export const CHANNEL_ADDRESSES: FieldContract = {
  kind: 'list',
  description: 'The recipient\'s channels as they were when the notification was requested, each with where it goes.',
  items: { channel: 'text', address: 'text' },
};

/** The operations a notification started, one per channel. */
export const OPERATIONS: FieldContract = {
  kind: 'list',
  description: 'One operation per channel: its channel, its id and where it goes.',
  items: { channel: 'text', operationId: 'entity-id', address: 'text' },
};

/** How each channel's operation ended. */
export const CHANNEL_RESULTS: FieldContract = {
  kind: 'list',
  description: 'How each channel ended: `sent` or `failed`, the attempts made, and the last error (empty when sent).',
  items: { channel: 'text', operationId: 'entity-id', status: 'text', attempts: 'count', lastError: 'text' },
};

/** The channels a notification can go out on. */
export const CHANNELS = ['email', 'slack'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How a notification ended on its channels. */
export type NotificationOutcome = 'sent-on-all' | 'sent-on-some' | 'failed';

/** Who an email is for: the notification's recipient, or the internal team told about a notification that did not go out everywhere. */
export type EmailPurpose = 'recipient' | 'internal-team';

export interface ChannelAddress {
  readonly channel: Channel;
  readonly address: string;
}

export interface Operation extends ChannelAddress {
  readonly operationId: string;
}

export interface ChannelResult {
  readonly channel: Channel;
  readonly operationId: string;
  readonly status: 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string;
}
