import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect } from '@nats-io/transport-node';
import { headers, PermissionViolationError, RequestError, TimeoutError } from '@nats-io/nats-core';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { NatsServerProcess } from '@libs/nats-server/nats-server.process';
import { startNatsTestServer, type NatsTestServer } from '@libs/testing/nats-test-server';
import { APP_INBOX_PREFIX, isTransientNatsError, NatsClient } from './nats.client';
import { JetStreamRequests } from './jetstream-requests';

describe('JetStream requests over one reply subscription', () => {
  let server: NatsTestServer;
  let nats: NatsClient;

  beforeAll(async () => {
    server = await startNatsTestServer();
    nats = await NatsClient.connect({ servers: server.url, name: 'requests-test' });
    await nats.jsm.streams.add({ name: 'REQ', subjects: ['req.>'], storage: 'file' });
  });

  afterAll(async () => {
    await nats.close();
    await server.dispose();
  });

  const expectSequence = (sequence: number, messageId?: string) => {
    const expectation = headers();
    expectation.set('Nats-Expected-Last-Subject-Sequence', String(sequence));
    if (messageId) expectation.set('Nats-Msg-Id', messageId);
    return expectation;
  };

  it('answers JetStream\'s acks, many in flight at once, each to its own publish', async () => {
    const acks = await Promise.all(Array.from({ length: 200 }, (_, index) => nats.requests.publish(`req.many.${index}`, `body ${index}`)));
    const bodies = await Promise.all(acks.map(async (ack) => (await nats.requests.getMessage('REQ', { seq: ack.seq }))?.body));
    expect(bodies).toEqual(Array.from({ length: 200 }, (_, index) => `body ${index}`));
    expect(new Set(acks.map((ack) => ack.seq)).size).toBe(200);
    expect(acks.every((ack) => ack.stream === 'REQ' && !ack.duplicate)).toBe(true);
  });

  it('rejects a publish on a stale subject sequence with JetStream\'s own error code, and reports a retried message id as duplicate', async () => {
    const first = await nats.requests.publish('req.entity', 'first', expectSequence(0, 'entity@0'));
    const retried = await nats.requests.publish('req.entity', 'first', expectSequence(0, 'entity@0'));
    expect(retried).toEqual({ stream: 'REQ', seq: first.seq, duplicate: true });
    const stale = nats.requests.publish('req.entity', 'rival', expectSequence(0));
    await expect(stale).rejects.toBeInstanceOf(JetStreamApiError);
    await expect(stale).rejects.toMatchObject({ code: JetStreamApiCodes.StreamWrongLastSequence });
  });

  it('reads a subject\'s next message from the leader, and null past its last', async () => {
    const a = await nats.requests.publish('req.read.a', 'a1');
    await nats.requests.publish('req.read.b', 'b1');
    const a2 = await nats.requests.publish('req.read.a', 'a2');
    expect(await nats.requests.getMessage('REQ', { seq: 1, next_by_subj: 'req.read.a' })).toEqual({ subject: 'req.read.a', seq: a.seq, body: 'a1' });
    expect(await nats.requests.getMessage('REQ', { seq: a.seq + 1, next_by_subj: 'req.read.a' })).toEqual({ subject: 'req.read.a', seq: a2.seq, body: 'a2' });
    expect(await nats.requests.getMessage('REQ', { seq: a2.seq + 1, next_by_subj: 'req.read.a' })).toBeNull();
  });

  it('fails a publish no stream captures as no responders, which the store retries as an outage', async () => {
    const failure = await nats.requests.publish('nostream.subject', 'lost').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestError);
    expect((failure as RequestError).isNoResponders()).toBe(true);
    expect(isTransientNatsError(failure)).toBe(true);
  });

  it('times a request out when nothing answers, and still answers the requests after it', async () => {
    const silent = nats.connection.subscribe('req-silent.>', { callback: () => undefined });
    const requests = new JetStreamRequests(nats.connection, APP_INBOX_PREFIX, 300);
    const started = performance.now();
    const failure = await requests.publish('req-silent.x', 'nobody answers').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect((await requests.publish('req.after-timeout', 'ok')).stream).toBe('REQ');
    silent.unsubscribe();
  });

  it('fails what is still waiting when the connection closes', async () => {
    const other = await NatsClient.connect({ servers: server.url, name: 'requests-closing' });
    other.connection.subscribe('req-never.>', { callback: () => undefined });
    const waiting = other.requests.publish('req-never.x', 'never answered');
    await new Promise((sent) => setImmediate(sent));
    await other.connection.flush();
    await other.connection.close();
    await expect(waiting).rejects.toThrow('connection closed');
  });
});

describe('JetStream requests refused by the server\'s permissions', () => {
  let folder: string;
  let server: NatsServerProcess;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'requests-permissions-'));
    const user = `{ user: limited, password: limited-password, permissions: { publish: { allow: ["$JS.API.>", "req.>"], deny: ["req.denied.>"] }, subscribe: { allow: ["${APP_INBOX_PREFIX}.>"] } } }`;
    await writeFile(join(folder, 'nats-server.conf'), `accounts { A: { jetstream: enabled, users: [ ${user} ] } }\n`);
    server = await new NatsServerProcess({ storeDir: join(folder, 'store'), args: ['-c', join(folder, 'nats-server.conf')] }).start();
  });

  afterAll(async () => {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('fails a publish the user may not make at once with the refusal, not after its timeout', async () => {
    const connection = await connect({ servers: server.url, user: 'limited', pass: 'limited-password', inboxPrefix: APP_INBOX_PREFIX });
    const requests = new JetStreamRequests(connection, APP_INBOX_PREFIX, 10_000);
    const started = performance.now();
    const failure = await requests.publish('req.denied.x', 'refused').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PermissionViolationError);
    expect(performance.now() - started).toBeLessThan(10_000);
    await connection.close();
  });

  it('fails every request with what to allow when the user may not read the replies, instead of timing out', async () => {
    const connection = await connect({ servers: server.url, user: 'limited', pass: 'limited-password', inboxPrefix: APP_INBOX_PREFIX });
    const requests = new JetStreamRequests(connection, '_INBOX_other', 10_000);
    const first = await requests.publish('req.allowed.x', 'no reply can come').catch((error: unknown) => error);
    expect(first).toBeInstanceOf(RequestError);
    expect(String(first)).toContain('allow the app\'s user to subscribe to _INBOX_other.');
    await expect(requests.publish('req.allowed.y', 'later')).rejects.toThrow('cannot reach this client');
    await connection.close();
  });
});
