import { setTimeout as sleep } from 'node:timers/promises';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { HttpReceiver } from '@libs/testing/http-receiver';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { loadConfig } from '@adapter/config/app.config';
import { AppHarness, type HttpAnswer } from '@test/app.harness';
import { EMAIL_STREAM, NOTIFICATION_REQUEST_STREAM, notificationCommandSubject } from '@stream/notification.stream';
import { internalTeamOperationIdOf, operationIdOf } from './notification.ids';

const TEAM = 'ops@example.com';
const SETTINGS = { SMTP_FROM: 'notifications@example.com', NOTIFY_ATTEMPTS: '3', NOTIFY_BACKOFF_MS: '100', NOTIFY_INTERNAL_TEAM_EMAIL: TEAM };

/** The app with its channels on local doubles started here: an SMTP server and a Slack incoming webhook. */
const startApp = (env: Record<string, string>): Promise<AppHarness> => {
  const config = loadConfig({ ...SETTINGS, ...env });
  return AppHarness.start({ ...config, logLevel: 'warn', seedDemo: false, rateLimitRequests: 1_000_000 });
};

const register = (app: AppHarness, id: string, channels: string[], extra: Record<string, unknown> = {}): Promise<HttpAnswer> =>
  app.put('/mutation/register-recipient', { data: { recipient: { id }, email: `${id}@example.com`, slackChannel: `#${id}`, channels, ...extra } });

const send = async (app: AppHarness, recipient: string, extra: Record<string, unknown> = {}): Promise<string> => {
  const answer = await app.put('/mutation/send-notification', { data: { recipient: { id: recipient }, subject: 'Your booking', body: 'Room 2 is yours.', ...extra } });
  if (answer.status !== 202) throw new Error(`send-notification answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return String(answer.body.trackingId);
};

const settled = (app: AppHarness, trackingId: string): Promise<HttpAnswer> =>
  app.eventually(`/query/notification/${trackingId}`, ({ body }) => !['requested', 'sending', undefined].includes(body.status as string));

describe('notifications over SMTP and Slack, on local doubles', () => {
  let app: AppHarness;
  let smtp: SmtpSink;
  let slack: HttpReceiver;
  let client: NatsConnection;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    slack = await HttpReceiver.start();
    app = await startApp({ SMTP_URL: smtp.url, SLACK_WEBHOOK_URL: `${slack.url}/services/T1/B1/hook` });
    client = await connect({ servers: app.nats.url });
  });

  afterAll(async () => {
    await client?.close();
    await app?.dispose();
    await slack?.stop();
    await smtp?.stop();
  });

  beforeEach(() => {
    smtp.answer([]);
    slack.answer([]);
  });

  const emailsTo = (address: string) => smtp.received.filter(({ to }) => to.includes(address));
  const slackPosts = (trackingId: string) => slack.received.filter(({ headers }) => headers['idempotency-key'] === operationIdOf(trackingId, 'slack'));

  it('sends on both channels, each keyed by its operation, and ends sent on all', async () => {
    await register(app, 'ada', ['email', 'slack']);
    const trackingId = await send(app, 'ada');
    const answer = await settled(app, trackingId);
    expect(answer.body).toEqual({
      trackingId,
      recipientId: 'ada',
      status: 'sent-on-all',
      channels: [
        { channel: 'email', status: 'sent', attempts: 1, lastError: null },
        { channel: 'slack', status: 'sent', attempts: 1, lastError: null },
      ],
      internalTeamNotified: false,
    });
    const [email] = emailsTo('ada@example.com');
    expect(email).toMatchObject({ subject: 'Your booking', messageId: `<${operationIdOf(trackingId, 'email')}@example.com>` });
    expect(email?.text?.trim()).toBe('Room 2 is yours.');
    expect(slackPosts(trackingId).map(({ body }) => JSON.parse(body) as unknown)).toEqual([{ text: '*Your booking*\nRoom 2 is yours.' }]);
    const audit = await app.eventually('/query/sent-emails?to=ADA@example.com', ({ body }) => (body.emails as unknown[] | undefined)?.length === 1);
    expect(audit.body).toEqual({ to: 'ada@example.com', emails: [{ trackingId, operationId: operationIdOf(trackingId, 'email'), purpose: 'recipient', subject: 'Your booking', sentAt: expect.any(String) }] });
  });

  it('tries Slack again while it fails, then ends sent on all once it recovers', async () => {
    await register(app, 'bea', ['email', 'slack']);
    slack.answer([{ status: 500, body: 'rollup_error' }, { status: 503 }]);
    const trackingId = await send(app, 'bea');
    expect((await settled(app, trackingId)).body).toMatchObject({ status: 'sent-on-all', channels: [{ channel: 'email', attempts: 1 }, { channel: 'slack', status: 'sent', attempts: 3 }] });
    expect(slackPosts(trackingId)).toHaveLength(3);
    expect(emailsTo('bea@example.com')).toHaveLength(1);
  });

  it('ends sent on some when Slack fails for good, and emails the internal team once', async () => {
    await register(app, 'cai', ['email', 'slack']);
    slack.answer([], { status: 500, body: 'rollup_error' });
    const trackingId = await send(app, 'cai');
    const answer = await settled(app, trackingId);
    expect(answer.body).toMatchObject({
      status: 'sent-on-some',
      channels: [{ channel: 'email', status: 'sent' }, { channel: 'slack', status: 'failed', attempts: 3, lastError: 'Slack answered 500 rollup_error; gave up after 3 attempts' }],
    });
    await app.eventually(`/query/notification/${trackingId}`, ({ body }) => body.internalTeamNotified === true);
    const notice = async () => emailsTo(TEAM).filter(({ messageId }) => messageId === `<${internalTeamOperationIdOf(trackingId)}@example.com>`);
    for (let waited = 0; (await notice()).length === 0 && waited < 10_000; waited += 100) await sleep(100);
    await sleep(500);
    expect(await notice()).toHaveLength(1);
    expect((await notice())[0]).toMatchObject({ subject: `Notification ${trackingId}: sent on some channels only` });
    expect((await notice())[0]?.text).toContain('slack failed after 3 attempt(s): Slack answered 500 rollup_error');
  });

  it('sends nothing to a recipient who opted out', async () => {
    await register(app, 'dan', []);
    const trackingId = await send(app, 'dan');
    expect((await settled(app, trackingId)).body).toEqual({ trackingId, recipientId: 'dan', status: 'opted-out', channels: [], internalTeamNotified: false });
    expect(emailsTo('dan@example.com')).toEqual([]);
  });

  it('sends a notification asked for twice under one id once, and refuses the id for another message', async () => {
    await register(app, 'eve', ['email']);
    const first = await send(app, 'eve', { notification: { id: 'order-4711-shipped' } });
    const again = await send(app, 'eve', { notification: { id: 'order-4711-shipped' } });
    expect([first, again]).toEqual(['order-4711-shipped', 'order-4711-shipped']);
    await settled(app, first);
    const other = await app.put('/mutation/send-notification', { data: { notification: { id: 'order-4711-shipped' }, recipient: { id: 'eve' }, subject: 'Your booking', body: 'Another text.' } });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ rule: 'notification-id-taken' });
    await sleep(300);
    expect(emailsTo('eve@example.com')).toHaveLength(1);
  });

  it('takes a notification over NATS request/reply as over HTTP', async () => {
    await register(app, 'fay', ['email']);
    const reply = await client.request(notificationCommandSubject('send-notification'), JSON.stringify({ data: { recipient: { id: 'fay' }, subject: 'Hi', body: 'Over NATS.' } }), { timeout: 5_000 });
    const body = reply.json<{ trackingId: string }>();
    expect(Number(reply.headers?.get('Status'))).toBe(202);
    expect((await settled(app, body.trackingId)).body).toMatchObject({ status: 'sent-on-all' });
  });

  it('refuses bad input with the rule or the fields, and writes nothing', async () => {
    const before = (await app.jsm.streams.info(NOTIFICATION_REQUEST_STREAM.name)).state.messages;
    const unknown = await app.put('/mutation/send-notification', { data: { recipient: { id: 'nobody' }, subject: 'Hi', body: 'x' } });
    expect(unknown.status).toBe(409);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ rule: 'recipient-must-exist', recipientId: 'nobody' });
    const long = await app.put('/mutation/send-notification', { data: { recipient: { id: 'ada' }, subject: 'x'.repeat(201), body: 'x', extra: 1 } });
    expect(long.status).toBe(400);
    expect((long.body.errors as { field: string }[]).map(({ field }) => field).sort()).toEqual(['data.extra', 'data.subject']);
    const address = await register(app, 'gus', ['email'], { email: 'not-an-address' });
    expect(address.status).toBe(400);
    expect((address.body.errors as { field: string }[]).map(({ field }) => field)).toEqual(['data.email']);
    const missing = await app.put('/mutation/register-recipient', { data: { recipient: { id: 'gus' }, channels: ['slack'] } });
    expect(missing.status).toBe(400);
    expect((missing.body.errors as { field: string }[]).map(({ field }) => field)).toEqual(['data.slackChannel']);
    expect((await app.jsm.streams.info(NOTIFICATION_REQUEST_STREAM.name)).state.messages).toBe(before);
    expect((await app.get('/query/notification/never-sent')).status).toBe(404);
    expect((await app.get('/query/sent-emails?to=nope')).status).toBe(400);
  });
});

describe('notifications when the mail server is down for good', () => {
  let app: AppHarness;

  beforeAll(async () => {
    const closed = await SmtpSink.start();
    const url = closed.url;
    await closed.stop();
    app = await startApp({ SMTP_URL: url });
  });

  afterAll(async () => {
    await app?.dispose();
  });

  it('ends failed after the attempts, with the reason, and records the internal team\'s notice (whose email fails too)', async () => {
    await register(app, 'ada', ['email']);
    const trackingId = await send(app, 'ada');
    const answer = await settled(app, trackingId);
    expect(answer.body).toMatchObject({ status: 'failed', channels: [{ channel: 'email', status: 'failed', attempts: 3, lastError: expect.stringContaining('gave up after 3 attempts') }] });
    await app.eventually(`/query/notification/${trackingId}`, ({ body }) => body.internalTeamNotified === true);
    const failures = async () => (await app.messages(EMAIL_STREAM.name, `notification.email.${internalTeamOperationIdOf(trackingId)}`)).length;
    for (let waited = 0; (await failures()) === 0 && waited < 10_000; waited += 100) await sleep(100);
    expect(await failures()).toBe(1);
  });
});
