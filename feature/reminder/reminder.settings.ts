import type { IntegerSetting, TextSetting } from '@libs/event-model/board';

/** How long a callback may take before it counts as failed (and is tried again). */
export const REMINDER_CALLBACK_TIMEOUT_MS: IntegerSetting = {
  kind: 'integer',
  name: 'REMINDER_CALLBACK_TIMEOUT_MS',
  description: 'How long one callback may take, in milliseconds, before it counts as a failed attempt.',
  fallback: 5_000,
  min: 100,
  max: 120_000,
};

/** Callback attempts in all. */
export const REMINDER_CALLBACK_ATTEMPTS: IntegerSetting = {
  kind: 'integer',
  name: 'REMINDER_CALLBACK_ATTEMPTS',
  description: 'Callback attempts in all before a reminder fails (network errors, timeouts, 408, 429 and 5xx are tried again).',
  fallback: 5,
  min: 1,
  max: 50,
};

/** The pause before the second attempt, doubling for each after it. */
export const REMINDER_CALLBACK_BACKOFF_MS: IntegerSetting = {
  kind: 'integer',
  name: 'REMINDER_CALLBACK_BACKOFF_MS',
  description: 'The pause before the second callback attempt, in milliseconds; it doubles for each attempt after, with a fifth of jitter either way.',
  fallback: 1_000,
  min: 10,
  max: 3_600_000,
};

/** Which callback addresses may be called, at definition and again at call time. */
export const REMINDER_CALLBACK_ALLOW: TextSetting = {
  kind: 'text',
  name: 'REMINDER_CALLBACK_ALLOW',
  description:
    'Comma-separated host names, IP addresses and CIDR ranges callbacks may go to, and `public` for every public address; ' +
    'private, loopback, link-local and metadata addresses only when listed.',
  fallback: 'public',
  embeddedFallback: 'public,127.0.0.0/8,::1,localhost',
};
