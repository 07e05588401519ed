import type { IntegerSetting } from '@libs/event-model/board';

/** How long a target's message gathers pages before it is sent. */
export const PAGER_BUNDLE_MS: IntegerSetting = {
  kind: 'integer',
  name: 'PAGER_BUNDLE_MS',
  description: 'How long, in milliseconds, a target\'s message gathers pages (alerts of several services sharing the target) before it is sent as one.',
  fallback: 2_000,
  min: 0,
  max: 600_000,
};

/** Delivery attempts per message. */
export const PAGER_ATTEMPTS: IntegerSetting = {
  kind: 'integer',
  name: 'PAGER_ATTEMPTS',
  description: 'Delivery attempts per message to a target (email or SMS) before it counts as failed.',
  fallback: 5,
  min: 1,
  max: 50,
};

/** The pause before a message's second attempt, doubling for each attempt after. */
export const PAGER_BACKOFF_MS: IntegerSetting = {
  kind: 'integer',
  name: 'PAGER_BACKOFF_MS',
  description: 'The pause before a message\'s second delivery attempt, in milliseconds; it doubles for each attempt after, with a fifth of jitter either way.',
  fallback: 1_000,
  min: 10,
  max: 3_600_000,
};
