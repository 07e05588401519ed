import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WebSocket } from 'ws';
import { connect } from '@nats-io/transport-node';
import { AuthorizationError, headers as natsHeaders, PermissionViolationError, type NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { EmbeddedServer } from '@libs/nats-server/embedded-server';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { LiveViews } from '@adapter/live/live-views';
import { APP_INBOX_PREFIX, NatsClient } from '@adapter/nats/nats.client';
import { NatsAuthenticationFailed } from '@adapter/nats/nats-credentials';
import { bucketName, viewBuckets } from '@adapter/projection/view-buckets';
import { loadConfig } from '@adapter/config/app.config';
import { createApp } from '@app/app.factory';
import { BOARDS } from '@app/boards';
import { COMMAND_SENDER_INBOX_PREFIX, startEmbeddedNats, viewBucketsOf } from '@app/embedded-nats';
import { connectCli, findServer } from '@app/cli/cli-connection';
import { booking, cleanup } from './hotel.requests';
import { LiveClient } from './live.client';
import { expectPublishAllowed, expectPublishRefused, expectSubscribeRefused, followViolations } from './nats-permissions';

const date = '2022-12-12';

describe('the app on its embedded nats-server, with accounts, users and permissions', () => {
  let dataDir: string;
  let embedded: EmbeddedServer;
  let app: NestFastifyApplication;
  let operator: NatsConnection;
  let jsm: JetStreamManager;
  const connections: NatsConnection[] = [];

  const login = async (user: string, password: string, inboxPrefix?: string): Promise<NatsConnection> => {
    const connection = await connect({ servers: embedded.server.url, user, pass: password, inboxPrefix });
    connections.push(connection);
    followViolations(connection);
    return connection;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nats-auth-'));
    embedded = await startEmbeddedNats(dataDir, 0, BOARDS);
    app = await createApp({
      ...loadConfig({}),
      logLevel: 'error',
      seedDemo: true,
      natsUrl: embedded.server.url,
      natsAuth: { kind: 'password', ...embedded.app },
    });
    const operatorUrl = new URL((await readFile(embedded.files.operatorUrl, 'utf8')).trim());
    operator = await connect({ servers: operatorUrl.host, user: decodeURIComponent(operatorUrl.username), pass: decodeURIComponent(operatorUrl.password) });
    jsm = await jetstreamManager(operator);
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([operator, ...connections].map((connection) => connection?.close()));
    await embedded?.server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps its configuration and the connection URLs in files only its OS user can read, with no websocket listener', async () => {
    expect((await stat(join(dataDir, 'nats'))).mode & 0o777).toBe(0o700);
    for (const file of Object.values(embedded.files)) expect((await stat(file)).mode & 0o777).toBe(0o600);
    const config = await readFile(embedded.files.config, 'utf8');
    expect(config).toContain(embedded.app.password);
    expect(config).not.toMatch(/websocket|no_auth_user|authorization/);
    expect((await readFile(embedded.files.commandSenderUrl, 'utf8')).trim()).toBe(
      `nats://command-sender:${embedded.commandSender.password}@127.0.0.1:${embedded.server.port}`,
    );
    const upgrade = new WebSocket(`ws://127.0.0.1:${embedded.server.port}`);
    await expect(new Promise((resolve, reject) => (upgrade.once('open', resolve), upgrade.once('error', reject)))).rejects.toThrow();
  });

  it('runs the hotel as the app user: book, the bot schedules the cleaning, clean up, check in, the views answer, live too', async () => {
    const baseUrl = await listen(app);
    const live = await LiveClient.connect(baseUrl);
    await live.subscribe('room-1', 'booking-board', `1.${date}`);
    const booked = await put(app, '/mutation/book-room', booking(1, 1));
    expect(booked.status).toBe(201);
    expect(await get(app, `/query/booking/1/${date}?sequence=${String(booked.body.sequence)}`)).toMatchObject({ view: { availability: 'booked' } });
    await live.next((message) => message.type === 'value' && JSON.stringify(message).includes('"availability":"booked"'));
    await eventually(app, `/query/cleanup-schedule/${date}`, (body) => JSON.stringify(body).includes('"roomId":"1"'));
    expect((await put(app, '/mutation/cleanup', cleanup(1))).status).toBe(201);
    const checkedIn = await put(app, '/mutation/checkin', booking(1, 1));
    expect(checkedIn.status).toBe(201);
    expect(await get(app, `/query/booking/1/${date}?sequence=${String(checkedIn.body.sequence)}`)).toMatchObject({ view: { availability: 'occupied' } });
    await live.next((message) => message.type === 'value' && JSON.stringify(message).includes('"availability":"occupied"'));
    expect(await get(app, '/query/rooms')).toMatchObject({ rooms: expect.arrayContaining([expect.objectContaining({ roomId: '1' })]) });
    live.socket.close();
  });

  it('answers a command over NATS from the command sender, in its own inboxes', async () => {
    const sender = await login('command-sender', embedded.commandSender.password, COMMAND_SENDER_INBOX_PREFIX);
    const headers = natsHeaders();
    headers.set('X-Correlation-Id', 'sent-by-a-sender');
    const reply = await sender.request('cmd.hotel.book-room', JSON.stringify(booking(2, 7)), { timeout: 10_000, headers });
    expect(reply.headers?.get('Status')).toBe('201');
    expect(reply.json<Record<string, unknown>>()).toMatchObject({ subject: `hotel.room-day.2.${date}` });
  });

  it('dead-letters a poison message, from every consumer, and keeps going', async () => {
    const before = (await jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages;
    const headers = natsHeaders();
    headers.set('Content-Type', 'application/cloudevents+json');
    await jetstream(operator).publish('hotel.room-day.3.2027-07-07', '{"not":"a cloudevent"}', { headers });
    const booked = await put(app, '/mutation/book-room', booking(3, 1, '2027-07-08'));
    expect(await get(app, `/query/booking/3/2027-07-08?sequence=${String(booked.body.sequence)}`)).toMatchObject({ view: { availability: 'booked' } });
    await waitUntil(async () => (await jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages === before + 3);
    const consumers = new Set<string>();
    for (let seq = before + 1; seq <= before + 3; seq++) {
      consumers.add((await jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq }))?.header.get('Dead-Letter-Consumer') ?? '');
    }
    expect(consumers).toEqual(new Set(['view-booking-board', 'view-cleanup-schedule', 'automation-schedule-cleaning']));
  });

  it('lets the app write to every view bucket it runs', () => {
    const running = app.get(LiveViews).names.flatMap(viewBuckets);
    expect(running.length).toBeGreaterThan(0);
    expect([...viewBucketsOf(BOARDS)].sort()).toEqual([...running].sort());
  });

  it('refuses connections without credentials, with a wrong password, or of an unknown user', async () => {
    const url = embedded.server.url;
    await expect(connect({ servers: url, reconnect: false })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(connect({ servers: url, user: 'app', pass: `${embedded.app.password}x`, reconnect: false })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(connect({ servers: url, user: 'intruder', pass: embedded.operator.password, reconnect: false })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(connect({ servers: url, token: embedded.operator.password, reconnect: false })).rejects.toBeInstanceOf(AuthorizationError);
  });

  it('tells what to fix when the app itself is refused, without showing the password', async () => {
    const refused = NatsClient.connect({ servers: embedded.server.url, name: 'wrong', auth: { kind: 'password', user: 'app', password: 'not-the-password' } });
    await expect(refused).rejects.toBeInstanceOf(NatsAuthenticationFailed);
    await expect(refused).rejects.toThrow(/refused the app's credentials .*check NATS_USER and NATS_PASSWORD/);
    await expect(refused).rejects.not.toThrow(/not-the-password/);
  });

  it('refuses the app user what the app does not need', async () => {
    const asApp = await login('app', embedded.app.password, APP_INBOX_PREFIX);
    await expectPublishRefused(asApp, '$SYS.REQ.SERVER.PING');
    await expectPublishRefused(asApp, 'cmd.hotel.book-room');
    await expectPublishRefused(asApp, 'elsewhere.subject');
    await expectPublishRefused(asApp, '$KV.other-bucket.key');
    await expectPublishRefused(asApp, `$KV.${bucketName('booking-board')}-blue.key`);
    await expectPublishAllowed(asApp, `$KV.${bucketName('booking-board')}-green.key`);
    await expectSubscribeRefused(asApp, '>');
    await expectSubscribeRefused(asApp, 'hotel.>');
    await expectSubscribeRefused(asApp, '_INBOX.>');
    await expectSubscribeRefused(asApp, `${COMMAND_SENDER_INBOX_PREFIX}.>`);
    // The app publishes into an inbox only as the one reply to a request it received.
    await expectPublishRefused(asApp, '_INBOX.nobody-listens-here');
    await expectPublishRefused(asApp, `${COMMAND_SENDER_INBOX_PREFIX}.nobody-listens-here`);
  });

  it('lets the command sender send commands and read replies, nothing else, not even through a reply subject', async () => {
    const sender = await login('command-sender', embedded.commandSender.password, COMMAND_SENDER_INBOX_PREFIX);
    await expectPublishRefused(sender, `hotel.room-day.4.${date}`);
    await expectPublishRefused(sender, '$JS.API.STREAM.DELETE.HOTEL');
    await expectPublishRefused(sender, `$KV.${bucketName('booking-board')}.4.${date}`);
    await expectSubscribeRefused(sender, 'hotel.>');
    await expectSubscribeRefused(sender, `${APP_INBOX_PREFIX}.>`);
    await expectSubscribeRefused(sender, '_INBOX.>');
    await expectSubscribeRefused(sender, '_INBOX_operator.>');
    await expectSubscribeRefused(sender, 'cmd.hotel.>');
    // Requests whose reply subject is not an inbox are not executed: the same room-day stays free for the next client.
    sender.publish('cmd.hotel.book-room', JSON.stringify(booking(4, 1, '2031-01-01')), { reply: `hotel.room-day.4.${date}` });
    sender.publish('cmd.hotel.book-room', JSON.stringify(booking(4, 1, '2031-01-02')), { reply: '$JS.API.STREAM.DELETE.HOTEL' });
    for (const day of ['2031-01-01', '2031-01-02']) {
      const answered = await sender.request('cmd.hotel.book-room', JSON.stringify(booking(4, 2, day)), { timeout: 10_000 });
      expect(answered.headers?.get('Status')).toBe('201');
    }
    expect((await jsm.streams.info(HOTEL_STREAM.name)).config.name).toBe(HOTEL_STREAM.name);
    expect(await jsm.direct.getMessage(HOTEL_STREAM.name, { last_by_subj: `hotel.room-day.4.${date}` }).catch(() => null)).toBeNull();
  });

  it('keeps one user\'s replies from every other: a command sender cannot read what the operator is answered', async () => {
    const operatorRequests = await connect({ servers: embedded.server.url, user: 'operator', pass: embedded.operator.password });
    connections.push(operatorRequests);
    const sender = await login('command-sender', embedded.commandSender.password, COMMAND_SENDER_INBOX_PREFIX);
    const overheard = sender.subscribe('_INBOX.>');
    await sender.flush();
    await expect(overheard.closed).resolves.toBeInstanceOf(PermissionViolationError);
    const reply = await operatorRequests.request('cmd.hotel.book-room', JSON.stringify(booking(5, 1, '2031-02-01')), { timeout: 10_000 });
    expect(reply.headers?.get('Status')).toBe('201');
    expect(overheard.getReceived()).toBe(0);
  });

  it('never answers into the app\'s own inboxes, where replies to its JetStream requests arrive', async () => {
    const sender = await login('command-sender', embedded.commandSender.password, COMMAND_SENDER_INBOX_PREFIX);
    const appInbox = operator.subscribe(`${APP_INBOX_PREFIX}.forged`);
    await operator.flush();
    sender.publish('cmd.hotel.book-room', JSON.stringify(booking(5, 1, '2031-02-02')), { reply: `${APP_INBOX_PREFIX}.forged` });
    const answered = await sender.request('cmd.hotel.book-room', JSON.stringify(booking(5, 2, '2031-02-02')), { timeout: 10_000 });
    expect(answered.headers?.get('Status')).toBe('201');
    await operator.flush();
    expect(appInbox.getReceived()).toBe(0);
    appInbox.unsubscribe();
  });

  it('runs the CLI in its user\'s own inboxes, which the app\'s user cannot read', async () => {
    const asApp = await login('app', embedded.app.password, APP_INBOX_PREFIX);
    const answer = 'an answer for the cli only';
    const overheard: string[] = [];
    const subscription = asApp.subscribe(`${APP_INBOX_PREFIX}.>`, {
      callback: (_error, message) => {
        if (message.string() === answer) overheard.push(message.subject);
      },
    });
    const responder = operator.subscribe('probe.cli', {
      callback: (_error, message) => {
        message.respond(answer);
      },
    });
    await Promise.all([asApp.flush(), operator.flush()]);
    const cli = await connectCli(await findServer(undefined, { DATA_DIR: dataDir }), {});
    try {
      const reply = await cli.connection.request('probe.cli', '', { timeout: 5_000 });
      expect(reply.string()).toBe(answer);
      expect(reply.subject.startsWith('_INBOX_operator.')).toBe(true);
    } finally {
      await cli.close();
    }
    await asApp.flush();
    expect(overheard).toEqual([]);
    subscription.unsubscribe();
    responder.unsubscribe();
  });
});

const listen = async (app: NestFastifyApplication): Promise<string> => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error(`the app listens on ${String(address)}, not on a TCP port`);
  return `http://127.0.0.1:${address.port}`;
};

const put = async (app: NestFastifyApplication, path: string, payload: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await app.inject({ method: 'PUT', url: path, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
};

const get = async (app: NestFastifyApplication, path: string): Promise<Record<string, unknown>> =>
  (await app.inject({ method: 'GET', url: path })).json<Record<string, unknown>>();

const eventually = async (app: NestFastifyApplication, path: string, accept: (body: Record<string, unknown>) => boolean): Promise<void> =>
  waitUntil(async () => accept(await get(app, path)));

const waitUntil = async (condition: () => Promise<boolean>, timeoutMs = 25_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
