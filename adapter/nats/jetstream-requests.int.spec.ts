import { headers, RequestError, TimeoutError } from '@nats-io/nats-core';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
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
    const started = Date.now();
    const failure = await requests.publish('req-silent.x', 'nobody answers').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await requests.publish('req.after-timeout', 'ok')).stream).toBe('REQ');
    silent.unsubscribe();
  });

  it('fails what is still waiting when the connection closes', async () => {
    const other = await NatsClient.connect({ servers: server.url, name: 'requests-closing' });
    other.connection.subscribe('req-never.>', { callback: () => undefined });
    const waiting = other.requests.publish('req-never.x', 'never answered');
    await other.connection.close();
    await expect(waiting).rejects.toThrow('connection closed');
  });
});
