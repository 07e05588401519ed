import { Outbox } from '@adapter/effects/outbox';
import { OutboxSender } from '@adapter/effects/outbox.sender';
import { AppHarness } from './app.harness';
import { EventStreamClient } from './event-stream.client';

const attempt = (correlationId: string) => ({ attempt: 1, correlationId });

describe('GET /outbox: what the app delivered to its local outbox', () => {
  let app: AppHarness;

  beforeAll(async () => {
    app = await AppHarness.start();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('lists the deliveries newest first, by channel and a page at a time, and refuses what it does not know', async () => {
    const outbox = app.app.get(Outbox);
    await new OutboxSender(outbox, 'email').send({ key: 'mail-1', payload: { to: 'ada@example.com', subject: 'Hi' } }, attempt('c-1'));
    await new OutboxSender(outbox, 'sms').send({ key: 'page-1', payload: { to: '+15551234567', text: 'down' } }, attempt('c-2'));

    const all = await app.get('/outbox');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      messages: [
        expect.objectContaining({ channel: 'sms', key: 'page-1', payload: { to: '+15551234567', text: 'down' }, correlationId: 'c-2' }),
        expect.objectContaining({ channel: 'email', key: 'mail-1', payload: { to: 'ada@example.com', subject: 'Hi' }, correlationId: 'c-1' }),
      ],
    });
    expect((await app.get('/outbox?channel=email')).body).toEqual({ messages: [expect.objectContaining({ key: 'mail-1' })] });
    expect((await app.get('/outbox?limit=1')).body).toEqual({ messages: [expect.objectContaining({ key: 'page-1' })] });
    expect(await app.get('/outbox?channel=fax')).toMatchObject({ status: 400, body: { errors: [{ field: 'channel' }] } });
    expect(await app.get('/outbox?limit=0')).toMatchObject({ status: 400, body: { errors: [{ field: 'limit' }] } });
  });
});

describe('GET /outbox/live: deliveries to the local outbox as server-sent events', () => {
  const token = 'outbox-live-token-0123456789';
  const bearer = { authorization: `Bearer ${token}` };
  let app: AppHarness;
  let base: string;
  let outbox: Outbox;
  const clients: EventStreamClient[] = [];
  const open = async (path: string, headers: Record<string, string> = {}): Promise<EventStreamClient> => {
    const client = await EventStreamClient.open(base, path, { ...bearer, ...headers });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    app = await AppHarness.start({ authTokens: [token], liveMaxConnectionsPerClient: 2, liveHeartbeatMs: 200 });
    base = await app.listen();
    outbox = app.app.get(Outbox);
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('sends each delivery made while a client is connected, after ready, and resumes after Last-Event-ID', async () => {
    const live = await open('/outbox/live');
    expect(live.response.statusCode).toBe(200);
    expect(live.response.headers).toMatchObject({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    const ready = await live.next(({ type }) => type === 'ready');
    expect(ready.data).toEqual({ after: Number(ready.id), heartbeatMs: 200 });

    await new OutboxSender(outbox, 'email').send({ key: 'live-mail-1', payload: { to: 'ada@example.com', subject: 'Your order shipped', text: 'It is on its way.' } }, attempt('journey-1'));
    const arrived = await live.next(({ type }) => type === 'message');
    expect(arrived.data).toMatchObject({ channel: 'email', key: 'live-mail-1', payload: { subject: 'Your order shipped' }, correlationId: 'journey-1', attempt: 1 });
    expect(Number(arrived.id)).toBeGreaterThan(Number(ready.id));
    live.close();
    await live.ended;

    await new OutboxSender(outbox, 'sms').send({ key: 'live-page-1', payload: { to: '+15551234567', text: 'checkout is down' } }, attempt('journey-2'));
    const resumed = await open('/outbox/live', { 'last-event-id': String(arrived.id) });
    const missed = await resumed.next(({ type }) => type === 'message');
    expect(missed.data).toMatchObject({ channel: 'sms', key: 'live-page-1' });
    expect(resumed.events.filter(({ type }) => type === 'message')).toHaveLength(1);
  });

  it('sends one channel\'s deliveries with ?channel=, and heartbeats in between', async () => {
    const sms = await open('/outbox/live?channel=sms');
    await sms.next(({ type }) => type === 'ready');
    await new OutboxSender(outbox, 'slack').send({ key: 'live-slack-1', payload: { text: 'deploy finished' } }, attempt('journey-3'));
    await new OutboxSender(outbox, 'sms').send({ key: 'live-page-2', payload: { to: '+15557654321', text: 'checkout is back' } }, attempt('journey-4'));
    await sms.next(({ type }) => type === 'message');
    expect(sms.events.filter(({ type }) => type === 'message').map(({ data }) => (data as { key: string }).key)).toEqual(['live-page-2']);
    await sms.until(() => sms.comments.includes('heartbeat'), 'a heartbeat');
  });

  it('asks for a token, a stream asked for, a known channel and event id, and holds two streams per client at most', async () => {
    expect((await app.app.inject({ method: 'GET', url: '/outbox/live', headers: { accept: 'text/event-stream' } })).statusCode).toBe(401);
    const plain = await app.app.inject({ method: 'GET', url: '/outbox/live', headers: bearer });
    expect([plain.statusCode, plain.headers['content-type'], plain.json()]).toEqual([406, expect.stringMatching(/^application\/problem\+json/), expect.objectContaining({ detail: expect.stringContaining('Accept: text/event-stream') })]);
    const channel = await app.app.inject({ method: 'GET', url: '/outbox/live?channel=fax', headers: { ...bearer, accept: 'text/event-stream' } });
    expect([channel.statusCode, channel.json()]).toEqual([400, expect.objectContaining({ errors: [expect.objectContaining({ field: 'channel' })] })]);
    const lastId = await app.app.inject({ method: 'GET', url: '/outbox/live', headers: { ...bearer, accept: 'text/event-stream', 'last-event-id': 'abc' } });
    expect([lastId.statusCode, lastId.json()]).toEqual([400, expect.objectContaining({ errors: [expect.objectContaining({ field: 'Last-Event-ID' })] })]);

    const first = await open('/outbox/live');
    await open('/outbox/live');
    const third = await open('/outbox/live');
    expect(third.response.statusCode).toBe(429);
    first.close();
    await first.ended;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await open('/outbox/live')).response.statusCode).toBe(200);
  });

  it('ends open streams when the app shuts down, so the client reconnects to another instance', async () => {
    const live = await open('/outbox/live');
    await live.next(({ type }) => type === 'ready');
    await app.restartApp();
    await live.ended;
    base = await app.listen();
    outbox = app.app.get(Outbox);
  });
});
