import { resolve } from 'node:path';
import { InvalidConfiguration, loadConfig } from './app.config';

const external = { NATS_URL: 'nats://nats.internal:4222' };
const secret = 'correct-horse-battery-staple';

const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfiguration);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(Object.keys(env))}`);
};

describe('the NATS credentials of the configuration', () => {
  it('connects anonymously when none are set, and to the embedded server when NATS_URL is unset', () => {
    expect(loadConfig(external).natsAuth).toBeUndefined();
    expect(loadConfig({}).natsAuth).toBeUndefined();
  });

  it('reads a user and password, a token, or a credentials file', () => {
    expect(loadConfig({ ...external, NATS_USER: 'hotel', NATS_PASSWORD: secret }).natsAuth).toEqual({ kind: 'password', user: 'hotel', password: secret });
    expect(loadConfig({ ...external, NATS_TOKEN: secret }).natsAuth).toEqual({ kind: 'token', token: secret });
    expect(loadConfig({ ...external, NATS_CREDS: 'secrets/app.creds' }).natsAuth).toEqual({ kind: 'creds', file: resolve('secrets/app.creds') });
  });

  it.each([
    ['a password without a user', { ...external, NATS_PASSWORD: secret }, /NATS_USER: must be set with NATS_PASSWORD/],
    ['a user without a password', { ...external, NATS_USER: 'hotel' }, /NATS_PASSWORD: must be set with NATS_USER/],
    ['a password and a token', { ...external, NATS_USER: 'hotel', NATS_PASSWORD: secret, NATS_TOKEN: secret }, /one kind of NATS credentials only/],
    ['a token and a credentials file', { ...external, NATS_TOKEN: secret, NATS_CREDS: '/x.creds' }, /NATS_TOKEN, NATS_CREDS: set one kind/],
    ['credentials without NATS_URL', { NATS_TOKEN: secret }, /NATS_URL: must be set when NATS_TOKEN is/],
  ])('refuses %s, naming the variables and never the secret', (_case, env, message) => {
    const text = refusal(env);
    expect(text).toMatch(message);
    expect(text).not.toContain(secret);
  });
});

describe('the operations settings', () => {
  it('bounds readiness at 1,000 messages of lag and exports no spans by default', () => {
    expect(loadConfig({})).toMatchObject({ readyMaxLagMessages: 1_000, tracesExporter: 'none' });
    expect(loadConfig({ READY_MAX_LAG_MESSAGES: '0', OTEL_TRACES_EXPORTER: 'console' })).toMatchObject({ readyMaxLagMessages: 0, tracesExporter: 'console' });
  });

  it.each([
    [{ READY_MAX_LAG_MESSAGES: '-1' }, /READY_MAX_LAG_MESSAGES=-1 is not valid: expected an integer from 0/],
    [{ READY_MAX_LAG_MESSAGES: 'many' }, /READY_MAX_LAG_MESSAGES=many is not valid/],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, /OTEL_TRACES_EXPORTER=otlp is not valid: expected none \| console/],
  ])('refuses %j', (env, message) => {
    expect(refusal(env)).toMatch(message);
  });
});

describe('the HTTP edge settings', () => {
  it('keeps reads behind AUTH_TOKENS, /metrics on the API port and every host by default', () => {
    expect(loadConfig({})).toMatchObject({ publicReads: false, metricsTokens: [], metricsPort: undefined, allowedHosts: [] });
  });

  it('reads PUBLIC_READS, METRICS_TOKEN, METRICS_PORT and ALLOWED_HOSTS', () => {
    const env = { PUBLIC_READS: 'true', METRICS_TOKEN: secret, METRICS_PORT: '9464', ALLOWED_HOSTS: ' API.example.com , 127.0.0.1:3000,[::1]:3000 ' };
    expect(loadConfig(env)).toMatchObject({ publicReads: true, metricsTokens: [secret], metricsPort: 9464, allowedHosts: ['api.example.com', '127.0.0.1:3000', '[::1]:3000'] });
  });

  it.each([
    [{ PUBLIC_READS: 'yes' }, /PUBLIC_READS=yes is not valid: expected true or false/],
    [{ METRICS_PORT: '70000' }, /METRICS_PORT=70000 is not valid: expected an integer from 0 to 65535/],
    [{ METRICS_PORT: '3000' }, /METRICS_PORT=3000 is not valid: expected a port other than PORT/],
    [{ PORT: '8080', METRICS_PORT: '8080' }, /METRICS_PORT=8080 is not valid/],
    [{ ALLOWED_HOSTS: 'api.example.com,http://evil.example' }, /ALLOWED_HOSTS=http:\/\/evil.example is not valid: expected host names/],
    [{ ALLOWED_HOSTS: 'api.example.com/x' }, /ALLOWED_HOSTS=api.example.com\/x is not valid/],
  ])('refuses %j', (env, message) => {
    expect(refusal(env)).toMatch(message);
  });

  it('names METRICS_TOKEN but never its value when it is too short', () => {
    const text = refusal({ METRICS_TOKEN: 'short-secret' });
    expect(text).toMatch(/^METRICS_TOKEN=<redacted> is not valid/);
    expect(text).not.toContain('short-secret');
  });
});

describe('the live settings', () => {
  it('lets a client hold 20 connections and only the app\'s own pages in by default', () => {
    expect(loadConfig({})).toMatchObject({ liveMaxConnectionsPerClient: 20, allowedOrigins: [] });
  });

  it('reads more origins, as origins: scheme, host and port', () => {
    const config = loadConfig({ ALLOWED_ORIGINS: 'https://Board.Example.com, http://localhost:8080/', LIVE_MAX_CONNECTIONS_PER_CLIENT: '3' });
    expect(config).toMatchObject({ allowedOrigins: ['https://board.example.com', 'http://localhost:8080'], liveMaxConnectionsPerClient: 3 });
  });

  it.each([
    [{ ALLOWED_ORIGINS: 'board.example.com' }, /ALLOWED_ORIGINS=board.example.com is not valid: expected origins such as https:/],
    [{ ALLOWED_ORIGINS: 'https://a.example,https://b.example/page' }, /ALLOWED_ORIGINS=https:\/\/b.example\/page is not valid/],
    [{ ALLOWED_ORIGINS: 'ftp://files.example' }, /ALLOWED_ORIGINS=ftp:\/\/files.example is not valid/],
    [{ ALLOWED_ORIGINS: '*' }, /ALLOWED_ORIGINS=\* is not valid/],
    [{ LIVE_MAX_CONNECTIONS_PER_CLIENT: '0' }, /LIVE_MAX_CONNECTIONS_PER_CLIENT=0 is not valid: expected an integer from 1/],
  ])('refuses %j', (env, message) => {
    expect(refusal(env)).toMatch(message);
  });
});

describe('the effect channels settings', () => {
  it('sends every channel to the local outbox by default, as notifications@localhost, with 10 s per attempt', () => {
    expect(loadConfig({}).effects).toEqual({ smtpUrl: undefined, smtpFrom: 'notifications@localhost', slackWebhookUrl: undefined, smsWebhookUrl: undefined, timeoutMs: 10_000 });
    expect(loadConfig({ SMTP_URL: ' ', SLACK_WEBHOOK_URL: '' }).effects).toMatchObject({ smtpUrl: undefined, slackWebhookUrl: undefined });
  });

  it('reads the services\' addresses, the sender and the timeout', () => {
    const env = {
      SMTP_URL: 'smtps://mailer:secret@mail.example.com:465',
      SMTP_FROM: 'Shop <orders@shop.example>',
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T1/B2/xyz',
      SMS_WEBHOOK_URL: 'http://sms-gateway.internal:8080/messages',
      EFFECT_TIMEOUT_MS: '2500',
    };
    expect(loadConfig(env).effects).toEqual({
      smtpUrl: env.SMTP_URL,
      smtpFrom: env.SMTP_FROM,
      slackWebhookUrl: env.SLACK_WEBHOOK_URL,
      smsWebhookUrl: env.SMS_WEBHOOK_URL,
      timeoutMs: 2_500,
    });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.com' }, /^SMTP_URL=http:\/\/mail.example.com is not valid: expected an smtp: or smtps: URL/],
    [{ SMTP_URL: 'mail.example.com:587' }, /^SMTP_URL=.* is not valid: expected an smtp: or smtps: URL/],
    [{ SMTP_URL: 'smtp://' }, /^SMTP_URL=smtp:\/\/ is not valid/],
    [{ SMTP_FROM: 'notifications' }, /^SMTP_FROM=notifications is not valid: expected an email address/],
    [{ SMTP_FROM: 'Shop <shop@>' }, /^SMTP_FROM=Shop <shop@> is not valid/],
    [{ SLACK_WEBHOOK_URL: 'ftp://hooks.slack.com/x' }, /^SLACK_WEBHOOK_URL=ftp:\/\/hooks.slack.com\/… is not valid: expected an https URL/],
    [{ SMS_WEBHOOK_URL: 'https://user:pw@sms.example.com/send' }, /^SMS_WEBHOOK_URL=https:\/\/<credentials>@sms.example.com\/… is not valid/],
    [{ EFFECT_TIMEOUT_MS: '50' }, /^EFFECT_TIMEOUT_MS=50 is not valid: expected an integer from 100 to 600000/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(refusal(env)).toMatch(message);
  });

  it('never shows a login or a webhook\'s path in a refusal', () => {
    expect(refusal({ SMTP_URL: 'imap://mailer:hunter2-secret@mail.example.com' })).not.toContain('hunter2-secret');
    expect(refusal({ SLACK_WEBHOOK_URL: 'hooks.slack.com/services/T1/B2/secret-path' })).not.toContain('secret-path');
  });
});
