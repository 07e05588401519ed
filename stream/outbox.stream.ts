import { subjectToken } from '@libs/ids/entity-id';

/**
 * The local outbox: what the app would have sent to the outside world (an email, a Slack message, a text
 * message) when no real service is configured, kept by JetStream as `outbox.<channel>.<key>`, one message per
 * effect's key, so a retried or replayed delivery shows once.
 */
export const OUTBOX_STREAM = {
  name: 'OUTBOX',
  subjects: ['outbox.>'],
} as const;

/** The channels the outbox stands in for. */
export const OUTBOX_CHANNELS = ['email', 'slack', 'sms'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** Where one delivery of a channel is kept: the channel, then the effect's key (a checked token). */
export const outboxSubject = (channel: OutboxChannel, key: string): string => `outbox.${channel}.${subjectToken(key)}`;

/** Every delivery of one channel, or of all. */
export const outboxFilter = (channel?: OutboxChannel): string => (channel ? `outbox.${channel}.>` : 'outbox.>');
