import { integer, InvalidConfiguration } from './env-values';

/**
 * The services effects deliver through, by channel: an SMTP server for `email`, a Slack incoming webhook for
 * `slack`, an SMS gateway's webhook for `sms`. A channel whose address is unset delivers into the local outbox.
 */
export interface EffectChannelsConfig {
  /** `SMTP_URL`: `smtp:` or `smtps:`, with a login in it when the server asks for one. */
  readonly smtpUrl: string | undefined;
  /** `SMTP_FROM`: the sender's address (`notifications@example.com` or `Shop <notifications@example.com>`). */
  readonly smtpFrom: string;
  /** `SLACK_WEBHOOK_URL`: the incoming webhook's address; its path is a secret. */
  readonly slackWebhookUrl: string | undefined;
  /** `SMS_WEBHOOK_URL`: the SMS gateway's webhook. */
  readonly smsWebhookUrl: string | undefined;
  /** `EFFECT_TIMEOUT_MS`: how long one attempt on any of those services may take. */
  readonly timeoutMs: number;
}

export const DEFAULT_SMTP_FROM = 'notifications@localhost';

/** A mailbox: a local part and a domain of letters, digits and hyphens (`localhost` included). */
const MAILBOX = /^[^\s@<>"(),;:\\[\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;

export const effectChannels = (env: NodeJS.ProcessEnv): EffectChannelsConfig => ({
  smtpUrl: address(env, 'SMTP_URL', ['smtp:', 'smtps:'], 'an smtp: or smtps: URL such as smtps://user:password@mail.example.com:465'),
  smtpFrom: sender(env),
  slackWebhookUrl: address(env, 'SLACK_WEBHOOK_URL', ['https:', 'http:'], 'an https URL without a login, such as https://hooks.slack.com/services/…'),
  smsWebhookUrl: address(env, 'SMS_WEBHOOK_URL', ['https:', 'http:'], 'an http or https URL without a login, such as https://sms.example.com/messages'),
  timeoutMs: integer(env, 'EFFECT_TIMEOUT_MS', 10_000, 100, 600_000),
});

/**
 * An address as it may be logged or shown in an error: its scheme, host and port. A login in it shows as
 * `<credentials>`, and a path or query as `/…`, since a webhook's path is its secret (Slack's is).
 */
export const addressForLog = (address: string): string => {
  if (!URL.canParse(address)) return '<redacted>';
  const url = new URL(address);
  const login = url.username || url.password ? '<credentials>@' : '';
  const rest = url.pathname.length > 1 || url.search || url.hash ? '/…' : '';
  return `${url.protocol}//${login}${url.host}${rest}`;
};

/** A service's address, or undefined when unset; a login is allowed for SMTP only (webhooks' policy refuses one). */
const address = (env: NodeJS.ProcessEnv, name: string, schemes: readonly string[], expected: string): string | undefined => {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  const login = url !== undefined && (url.username !== '' || url.password !== '');
  if (!url || !schemes.includes(url.protocol) || !url.hostname || (login && !schemes.includes('smtp:'))) {
    throw new InvalidConfiguration(name, addressForLog(raw), expected);
  }
  return raw;
};

/** `SMTP_FROM`: a mailbox, alone or in angle brackets after a display name. */
const sender = (env: NodeJS.ProcessEnv): string => {
  const raw = env.SMTP_FROM?.trim() || DEFAULT_SMTP_FROM;
  const mailbox = /^[^<>]*<([^<>]*)>$/.exec(raw)?.[1] ?? raw;
  if (!MAILBOX.test(mailbox)) {
    throw new InvalidConfiguration('SMTP_FROM', raw, 'an email address, alone or after a name: notifications@example.com or Shop <notifications@example.com>');
  }
  return raw;
};
