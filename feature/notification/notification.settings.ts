import type { IntegerSetting, TextSetting } from '@libs/event-model/board';

/** Attempts per channel before the channel counts as failed. */
export const NOTIFY_ATTEMPTS: IntegerSetting = {
  kind: 'integer',
  name: 'NOTIFY_ATTEMPTS',
  description: 'Attempts per channel (email, Slack) before the channel counts as failed; a refusal (an unknown mailbox, a Slack channel not found) fails at once.',
  fallback: 5,
  min: 1,
  max: 50,
};

/** The pause before a channel's second attempt, doubling for each attempt after. */
export const NOTIFY_BACKOFF_MS: IntegerSetting = {
  kind: 'integer',
  name: 'NOTIFY_BACKOFF_MS',
  description: 'The pause before a channel\'s second attempt, in milliseconds; it doubles for each attempt after, with a fifth of jitter either way.',
  fallback: 1_000,
  min: 10,
  max: 3_600_000,
};

/** Who hears of a notification that did not go out on every channel. */
export const NOTIFY_INTERNAL_TEAM_EMAIL: TextSetting = {
  kind: 'text',
  name: 'NOTIFY_INTERNAL_TEAM_EMAIL',
  description: 'The internal team\'s email address: it is told of every notification that went out on some of its channels only, or on none.',
  fallback: 'internal-team@localhost',
};
