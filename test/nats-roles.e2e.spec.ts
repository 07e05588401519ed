import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { DeliverPolicy, jetstream, jetstreamManager, JetStreamApiError } from '@nats-io/jetstream';
import type { EmbeddedServer } from '@libs/nats-server/embedded-server';
import { rolesOf } from '@libs/event-model/board-roles';
import { EMAIL_OPERATION_STREAM, EMAIL_STREAM, emailSubject, NOTIFICATION_REQUEST_STREAM, notificationRequestSubject } from '@stream/notification.stream';
import { loadConfig } from '@adapter/config/app.config';
import { BoardTimers } from '@adapter/runtime/board-timers';
import { createApp } from '@app/app.factory';
import { BOARDS } from '@app/boards';
import { roleUrlFile, startEmbeddedNats } from '@app/embedded-nats';
import { roleInboxPrefix } from '@app/role-permissions';
import { expectPublishAllowed, expectPublishRefused, expectSubscribeRefused, followViolations } from './nats-permissions';

/** Every role but the email bot: what the main process runs when the email bot runs apart. */
const ALL_BUT_EMAIL_BOT = rolesOf(BOARDS)
  .map(({ name }) => name)
  .filter((name) => name !== 'email-bot');

describe('roles as NATS users: producers write a stream, consumers read it', () => {
  let dataDir: string;
  let embedded: EmbeddedServer;
  let main: NestFastifyApplication;
  let emailBot: NestFastifyApplication;
  const connections: NatsConnection[] = [];

  /** The email bot's login, as a process started apart reads it from its URL file. */
  const emailBotUrl = async (): Promise<string> => (await readFile(roleUrlFile(dataDir, 'email-bot'), 'utf8')).trim();

  const asEmailBot = async (): Promise<NatsConnection> => {
    const url = new URL(await emailBotUrl());
    const connection = await connect({ servers: url.host, user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password), inboxPrefix: roleInboxPrefix('email-bot') });
    connections.push(connection);
    followViolations(connection);
    return connection;
  };

  const inject = async (app: NestFastifyApplication, method: 'GET' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await app.inject({ method, url, headers: { 'content-type': 'application/json' }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });
    return { status: response.statusCode, body: JSON.parse(response.body || '{}') as Record<string, unknown> };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nats-roles-'));
    embedded = await startEmbeddedNats(dataDir, 0, BOARDS);
    main = await createApp({
      ...loadConfig({ RUN_ROLES: ALL_BUT_EMAIL_BOT.join(',') }),
      logLevel: 'error',
      seedDemo: false,
      natsUrl: embedded.server.url,
      natsAuth: { kind: 'password', ...embedded.app },
    });
  });

  afterAll(async () => {
    await emailBot?.close();
    await main?.close();
    await Promise.all(connections.map((connection) => connection.close()));
    await embedded?.server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives every role its own user, its login URL in a file only the OS user can read', async () => {
    expect(Object.keys(embedded.roles).sort()).toEqual(['email-bot', 'front', 'operation-handler', 'saga-handler', 'slack-bot']);
    for (const role of Object.keys(embedded.roles)) expect((await stat(roleUrlFile(dataDir, role))).mode & 0o777).toBe(0o600);
    expect(await emailBotUrl()).toBe(`nats://email-bot:${embedded.roles['email-bot']?.password}@127.0.0.1:${embedded.server.port}`);
  });

  it('refuses the email bot when it writes the client operation stream, or reads it', async () => {
    const bot = await asEmailBot();
    await expectPublishRefused(bot, notificationRequestSubject('forged-by-the-email-bot'));
    await expectPublishRefused(bot, `$JS.API.CONSUMER.CREATE.${NOTIFICATION_REQUEST_STREAM.name}.peek.${notificationRequestSubject('forged-by-the-email-bot')}`);
    await expectPublishRefused(bot, `$JS.API.CONSUMER.CREATE.${NOTIFICATION_REQUEST_STREAM.name}`);
    await expectPublishRefused(bot, `$JS.API.DIRECT.GET.${NOTIFICATION_REQUEST_STREAM.name}`);
    await expectPublishRefused(bot, `$JS.API.STREAM.MSG.GET.${NOTIFICATION_REQUEST_STREAM.name}`);
    await expectPublishRefused(bot, `$JS.API.STREAM.INFO.${NOTIFICATION_REQUEST_STREAM.name}`);
    const js = jetstream(bot);
    await expect(js.publish(notificationRequestSubject('forged-by-the-email-bot'), '{}', { timeout: 2_000 })).rejects.toThrow();
    await expect(js.consumers.get(NOTIFICATION_REQUEST_STREAM.name, { deliver_policy: DeliverPolicy.All })).rejects.toThrow();
  });

  it('refuses the email bot what only the app or other roles do: commands, other inboxes, creating or deleting streams', async () => {
    const bot = await asEmailBot();
    await expectPublishRefused(bot, 'cmd.notification.send-notification');
    await expectPublishRefused(bot, `$JS.API.STREAM.CREATE.${EMAIL_STREAM.name}`);
    await expectPublishRefused(bot, `$JS.API.STREAM.DELETE.${EMAIL_STREAM.name}`);
    await expectPublishRefused(bot, `$JS.API.STREAM.PURGE.${EMAIL_STREAM.name}`);
    await expectPublishRefused(bot, 'notification.email-op.forged');
    await expectPublishRefused(bot, 'outbox.slack.forged');
    await expectPublishRefused(bot, 'timer.1.elapse-reminder.forged');
    await expectSubscribeRefused(bot, '_INBOX_app.>');
    await expectSubscribeRefused(bot, 'cmd.notification.>');
  });

  it('lets the email bot read the email operation stream and write the email event stream', async () => {
    const bot = await asEmailBot();
    await expectPublishAllowed(bot, `$JS.API.STREAM.INFO.${EMAIL_OPERATION_STREAM.name}`);
    await expectPublishAllowed(bot, `$JS.API.DIRECT.GET.${EMAIL_OPERATION_STREAM.name}`);
    // JetStream itself answers (the expected sequence is wrong, so nothing is stored): the publish passed the permissions.
    const probe = jetstream(bot).publish(emailSubject('probe-of-the-email-bot'), '{}', { timeout: 5_000, expect: { lastSubjectSequence: 999 } });
    await expect(probe).rejects.toBeInstanceOf(JetStreamApiError);
    await expect(probe).rejects.toThrow(/wrong last sequence/);
    const jsm = await jetstreamManager(bot);
    expect((await jsm.streams.info(EMAIL_OPERATION_STREAM.name)).config.name).toBe(EMAIL_OPERATION_STREAM.name);
    expect(await jsm.direct.getMessage(EMAIL_STREAM.name, { last_by_subj: emailSubject('probe-of-the-email-bot') })).toBeNull();
  });

  it('sends a notification\'s email from the email bot run apart on its own login, and the notification ends sent on all', async () => {
    expect(main.get(BoardTimers).effects.map(({ slice }) => slice.name)).not.toContain('send-email');
    const apart = loadConfig({ NATS_URL: await emailBotUrl(), RUN_ROLES: 'email-bot' });
    expect(apart.natsAuth).toEqual({ kind: 'password', user: 'email-bot', password: embedded.roles['email-bot']?.password });
    expect(apart.natsUrl).toBe(`nats://127.0.0.1:${embedded.server.port}`);
    emailBot = await createApp({ ...apart, logLevel: 'error', seedDemo: false, natsUrl: embedded.server.url });
    expect(emailBot.get(BoardTimers).effects.map(({ slice }) => slice.name)).toEqual(['send-email']);
    expect((await inject(emailBot, 'PUT', '/mutation/send-notification', { data: { recipient: { id: 'ada' }, subject: 'Hi', body: 'Hello' } })).status).toBe(404);

    expect((await inject(main, 'PUT', '/mutation/register-recipient', { data: { recipient: { id: 'ada' }, email: 'ada@example.com', channels: ['email'] } })).status).toBe(201);
    const sent = await inject(main, 'PUT', '/mutation/send-notification', { data: { recipient: { id: 'ada' }, subject: 'Hi', body: 'Hello' } });
    expect(sent.status).toBe(202);
    const trackingId = String(sent.body.trackingId);
    const deadline = Date.now() + 30_000;
    let status: unknown;
    while (Date.now() < deadline && status !== 'sent-on-all') {
      status = (await inject(main, 'GET', `/query/notification/${trackingId}`)).body.status;
      if (status !== 'sent-on-all') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('sent-on-all');
    const outbox = await inject(main, 'GET', '/outbox?channel=email');
    expect(JSON.stringify(outbox.body)).toContain('ada@example.com');
    for (const app of [main, emailBot]) expect(await inject(app, 'GET', '/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });
});

describe('every role in a process of its own, each on its own login', () => {
  let dataDir: string;
  let embedded: EmbeddedServer;
  const apps: NestFastifyApplication[] = [];

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await embedded?.server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('takes a notification from the front to the bots and the saga, retries a failing email on the bot\'s timers, and tells the internal team', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nats-roles-apart-'));
    embedded = await startEmbeddedNats(dataDir, 0, BOARDS);
    apps.push(await createApp({ ...loadConfig({ RUN_ROLES: 'app' }), logLevel: 'error', seedDemo: false, natsUrl: embedded.server.url, natsAuth: { kind: 'password', ...embedded.app } }));
    const settings = { NOTIFY_ATTEMPTS: '2', NOTIFY_BACKOFF_MS: '100' };
    for (const role of ['front', 'operation-handler', 'email-bot', 'slack-bot', 'saga-handler']) {
      const url = (await readFile(roleUrlFile(dataDir, role), 'utf8')).trim();
      // Nothing listens on port 1: every email fails, and is tried again once.
      const env = { NATS_URL: url, RUN_ROLES: role, ...settings, ...(role === 'email-bot' ? { SMTP_URL: 'smtp://127.0.0.1:1' } : {}) };
      apps.push(await createApp({ ...loadConfig(env), logLevel: 'error', seedDemo: false, natsUrl: embedded.server.url }));
    }
    const front = apps[1]!;
    const put = (url: string, data: unknown) => front.inject({ method: 'PUT', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ data }) });
    expect((await put('/mutation/register-recipient', { recipient: { id: 'ada' }, email: 'ada@example.com', slackChannel: '#ada', channels: ['email', 'slack'] })).statusCode).toBe(201);
    const sent = await put('/mutation/send-notification', { recipient: { id: 'ada' }, subject: 'Hi', body: 'Hello' });
    expect(sent.statusCode).toBe(202);
    const { trackingId } = JSON.parse(sent.body) as { trackingId: string };
    const deadline = Date.now() + 30_000;
    let view: Record<string, unknown> = {};
    while (Date.now() < deadline && view.internalTeamNotified !== true) {
      view = JSON.parse((await front.inject({ method: 'GET', url: `/query/notification/${trackingId}` })).body) as Record<string, unknown>;
      if (view.internalTeamNotified !== true) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const app of apps) expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    expect(view).toMatchObject({
      status: 'sent-on-some',
      channels: [
        { channel: 'email', status: 'failed', attempts: 2 },
        { channel: 'slack', status: 'sent', attempts: 1 },
      ],
      internalTeamNotified: true,
    });
  });
});
