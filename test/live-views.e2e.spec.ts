import { Kvm } from '@nats-io/kv';
import { LiveViewGateway } from '@adapter/live/live-view.gateway';
import { LiveCloseCode, type ErrorMessage, type ValueMessage } from '@adapter/live/live.protocol';
import { AppHarness } from './app.harness';
import { booking, cleanup } from './hotel.requests';
import { LiveClient } from './live.client';

const MAX_SUBSCRIPTIONS = 10;

const availability = (message: ValueMessage): unknown => (message.value?.view as { availability?: string } | undefined)?.availability;

describe('live views over the websocket', () => {
  let hotel: AppHarness;
  let baseUrl: string;
  const clients: LiveClient[] = [];
  const connect = async (options?: Parameters<typeof LiveClient.connect>[1]) => {
    const client = await LiveClient.connect(baseUrl, options);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    hotel = await AppHarness.start({ liveHeartbeatMs: 500, liveMaxSubscriptions: MAX_SUBSCRIPTIONS });
    baseUrl = await hotel.listen();
  });

  afterEach(() => clients.splice(0).forEach((client) => client.close()));

  afterAll(async () => {
    await hotel.dispose();
  });

  it('sends the current value, then every change the commands make, in order', async () => {
    const date = '2030-01-01';
    expect((await hotel.put('/mutation/book-room', booking(1, 7, date))).status).toBe(201);
    const live = await connect();
    await live.subscribe('room', 'booking-board', `1.${date}`);
    expect(live.values('room').map(availability)).toEqual(['booked']);
    await live.subscribe('schedule', 'cleanup-schedule', date);

    await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => answer.status === 200);
    expect((await hotel.put('/mutation/cleanup', cleanup(1, date))).status).toBe(201);
    expect((await hotel.put('/mutation/checkin', booking(1, 7, date))).status).toBe(201);

    const values = await live.valuesOf('room', 3);
    expect(values.map(availability)).toEqual(['booked', 'available', 'occupied']);
    expect(values.map((value) => value.key)).toEqual([`1.${date}`, `1.${date}`, `1.${date}`]);
    const schedule = await live.valuesOf('schedule', 2);
    expect(schedule.map((value) => (value.value?.view as { rooms: { status: string }[] }).rooms[0]?.status)).toEqual(['scheduled', 'cleaned']);
    const revisions = values.map((value) => value.revision);
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
  });

  it('watches a key pattern: all rooms of one date, and no other date', async () => {
    const live = await connect();
    expect(await live.subscribe('day', 'booking-board', '*.2030-02-02')).toBe(0);
    await hotel.put('/mutation/book-room', booking(2, 1, '2030-02-03'));
    await hotel.put('/mutation/book-room', booking(2, 1, '2030-02-02'));
    await hotel.put('/mutation/book-room', booking(3, 1, '2030-02-02'));
    const values = await live.valuesOf('day', 2);
    expect(values.map((value) => value.key)).toEqual(['2.2030-02-02', '3.2030-02-02']);
  });

  it('sends a snapshot bigger than one pull, every key once, in revision order', async () => {
    const bucket = await new Kvm(hotel.observer).open('view-booking-board');
    const document = JSON.stringify({ position: 1, updatedAt: new Date().toISOString(), view: {} });
    for (let index = 0; index < 600; index++) await bucket.put(`bulk.${index}`, document);
    const live = await connect();
    await live.subscribe('bulk', 'booking-board', 'bulk.*');
    const revisions = live.values('bulk').map((value) => value.revision);
    expect(new Set(live.values('bulk').map((value) => value.key)).size).toBe(600);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  });

  it('stops after unsubscribe', async () => {
    const live = await connect();
    await live.subscribe('gone', 'booking-board', '4.2030-03-03');
    live.send({ type: 'unsubscribe', id: 'gone' });
    await live.next((message) => message.type === 'unsubscribed');
    await hotel.put('/mutation/book-room', booking(4, 1, '2030-03-03'));
    const watcher = await connect();
    await watcher.subscribe('check', 'booking-board', '4.2030-03-03');
    expect(watcher.values('check')).toHaveLength(1);
    expect(live.values('gone')).toHaveLength(0);
  });

  it('resumes after a reconnect from the last revision seen, missing and repeating nothing', async () => {
    const date = '2030-04-04';
    const witness = await connect();
    await witness.subscribe('all', 'booking-board', `*.${date}`);
    const resumer = await connect();
    await resumer.subscribe('all', 'booking-board', `*.${date}`);
    await hotel.put('/mutation/book-room', booking(1, 1, date));
    const before = await resumer.valuesOf('all', 1);
    resumer.close();
    await resumer.closed;

    await hotel.put('/mutation/book-room', booking(2, 1, date));
    await hotel.put('/mutation/book-room', booking(3, 1, date));
    await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => JSON.stringify(answer.body).includes('"roomId":"3"'));
    await hotel.put('/mutation/cleanup', cleanup(2, date));

    const back = await connect();
    const last = before.at(-1)?.revision ?? 0;
    await back.subscribe('all', 'booking-board', `*.${date}`, last);
    await hotel.put('/mutation/book-room', booking(5, 1, date));
    const seen = await witness.valuesOf('all', 5);
    const resumed = await back.valuesOf('all', 4);
    expect([...before, ...resumed].map((value) => [value.key, value.revision, availability(value)])).toEqual(
      seen.map((value) => [value.key, value.revision, availability(value)]),
    );
  });

  it('keeps its subscribers across a nats-server restart', async () => {
    const live = await connect();
    await live.subscribe('restart', 'booking-board', '*.2030-05-05');
    await hotel.put('/mutation/book-room', booking(1, 1, '2030-05-05'));
    await live.valuesOf('restart', 1);
    await hotel.nats.server.restart();
    await hotel.eventually('/query/booking/1/2030-05-05', (answer) => answer.status === 200);
    let booked = 0;
    while (booked !== 201) booked = (await hotel.put('/mutation/book-room', booking(2, 1, '2030-05-05'))).status;
    const values = await live.valuesOf('restart', 2);
    expect(values.map((value) => value.key)).toEqual(['1.2030-05-05', '2.2030-05-05']);
  });

  it('watches again when its KV watch dies silently', async () => {
    const live = await connect();
    await live.subscribe('silenced', 'booking-board', '*.2030-05-06');
    for await (const consumer of hotel.jsm.consumers.list('KV_view-booking-board')) {
      await hotel.jsm.consumers.delete('KV_view-booking-board', consumer.name);
    }
    await hotel.put('/mutation/book-room', booking(1, 1, '2030-05-06'));
    const values = await live.valuesOf('silenced', 1);
    expect(values.map((value) => value.key)).toEqual(['1.2030-05-06']);
  });

  it('sends heartbeats', async () => {
    const live = await connect();
    await live.next((message) => message.type === 'heartbeat');
  });

  it('lets clients watch views only: no stream, no other bucket, no subject tricks', async () => {
    const live = await connect();
    const refusals: [string, unknown, number][] = [
      ['stream', { view: 'hotel' }, 404],
      ['dead-letters', { view: 'dead-letter' }, 404],
      ['bucket', { view: 'KV_view-booking-board' }, 400],
      ['kv-subject', { view: 'booking-board', key: '$KV.view-cleanup-schedule.>' }, 400],
      ['empty-token', { view: 'booking-board', key: 'a..b' }, 400],
      ['unknown-field', { view: 'booking-board', subject: 'hotel.>' }, 400],
    ];
    for (const [id, fields, status] of refusals) {
      live.send({ type: 'subscribe', id, ...(fields as object) });
      const refusal = await live.next<ErrorMessage>((message) => message.type === 'error' && message.id === id);
      expect(refusal.problem).toMatchObject({ status, detail: expect.any(String) });
    }
    live.send({ type: 'subscribe', id: 'ok', view: 'booking-board', key: 'x.y' });
    await live.next((message) => message.type === 'ready' && message.id === 'ok');
    live.send({ type: 'subscribe', id: 'ok', view: 'booking-board' });
    const twice = await live.next<ErrorMessage>((message) => message.type === 'error' && message.id === 'ok');
    expect(twice.problem).toMatchObject({ status: 409, rule: 'subscription-exists' });
  });

  it('holds no more subscriptions than the cap on one connection, however many subscribes arrive together', async () => {
    const live = await connect();
    const burst = Array.from({ length: 3 * MAX_SUBSCRIPTIONS }, (_, index) => ({ type: 'subscribe', id: `burst-${index}`, view: 'booking-board', key: `burst.${index}` }));
    live.sendTogether(burst);
    const answered = () => live.received.filter((message) => message.type === 'ready' || message.type === 'error');
    await live.next(() => answered().length >= burst.length);
    expect(answered().filter((message) => message.type === 'ready')).toHaveLength(MAX_SUBSCRIPTIONS);
    const refused = answered().filter((message): message is ErrorMessage => message.type === 'error');
    expect(refused).toHaveLength(2 * MAX_SUBSCRIPTIONS);
    for (const { problem } of refused) expect(problem).toMatchObject({ status: 400, detail: expect.stringContaining(`${MAX_SUBSCRIPTIONS} subscriptions`) });
  });

  it('refuses an id in use even when both subscribes arrive together, sending its snapshot once', async () => {
    const date = '2030-07-07';
    expect((await hotel.put('/mutation/book-room', booking(1, 1, date))).status).toBe(201);
    await hotel.eventually(`/query/booking/1/${date}`, (answer) => answer.status === 200);
    const live = await connect();
    const subscribe = { type: 'subscribe', id: 'twin', view: 'booking-board', key: `1.${date}` };
    live.sendTogether([subscribe, subscribe]);
    const refusal = await live.next<ErrorMessage>((message) => message.type === 'error' && message.id === 'twin');
    expect(refusal.problem).toMatchObject({ status: 409, rule: 'subscription-exists' });
    await live.next((message) => message.type === 'ready' && message.id === 'twin');
    await live.subscribe('after', 'booking-board', 'nothing.here');
    expect(live.values('twin')).toHaveLength(1);
    expect(live.received.filter((message) => message.type === 'ready' && message.id === 'twin')).toHaveLength(1);
  });

  it('gives a slot back when its subscription fails or is unsubscribed before it is ready', async () => {
    const live = await connect();
    live.sendTogether(Array.from({ length: MAX_SUBSCRIPTIONS }, (_, index) => ({ type: 'subscribe', id: `missing-${index}`, view: 'no-such-view' })));
    await live.next(() => live.received.filter((message) => message.type === 'error').length >= MAX_SUBSCRIPTIONS);
    live.sendTogether([
      ...Array.from({ length: MAX_SUBSCRIPTIONS }, (_, index) => ({ type: 'subscribe', id: `early-${index}`, view: 'booking-board', key: `early.${index}` })),
      ...Array.from({ length: MAX_SUBSCRIPTIONS }, (_, index) => ({ type: 'unsubscribe', id: `early-${index}` })),
    ]);
    await live.next(() => live.received.filter((message) => message.type === 'unsubscribed').length >= MAX_SUBSCRIPTIONS);
    for (let index = 0; index < MAX_SUBSCRIPTIONS; index++) await live.subscribe(`kept-${index}`, 'booking-board', `kept.${index}`);
  });

  it('closes with 4400 on a frame that is not JSON', async () => {
    const live = await connect();
    live.send('subscribe please');
    expect((await live.closed).code).toBe(LiveCloseCode.Malformed);
  });

  it('cuts a client that does not read off with 4429, holding no more than the bound for it', async () => {
    const limited = await AppHarness.start({ liveMaxQueuedBytes: 256 * 1024 });
    try {
      const live = await LiveClient.connect(await limited.listen());
      await live.subscribe('flood', 'booking-board', 'flood.>');
      live.socket.pause();
      const bucket = await new Kvm(limited.observer).open('view-booking-board');
      const document = JSON.stringify({ position: 1, updatedAt: new Date().toISOString(), view: { padding: 'x'.repeat(64 * 1024) } });
      const puts = 400;
      for (let index = 0; index < puts; index++) await bucket.put(`flood.${index}`, document);
      const closed = live.closed;
      await new Promise((resolve) => setTimeout(resolve, 300));
      live.socket.resume();
      expect((await closed).code).toBe(LiveCloseCode.TooSlow);
      expect(live.values('flood').length).toBeLessThan(puts);
      const { stats } = limited.app.get(LiveViewGateway);
      expect(stats.tooSlow).toBe(1);
      expect(stats.queuedBytesHighWater).toBeGreaterThan(256 * 1024);
      expect(stats.queuedBytesHighWater).toBeLessThan(256 * 1024 + document.length + 1_024);
    } finally {
      await limited.dispose();
    }
  });
});

describe('live views with credentials configured', () => {
  const token = 'a-token-of-sufficient-length';
  let hotel: AppHarness;
  let baseUrl: string;

  beforeAll(async () => {
    hotel = await AppHarness.start({ authTokens: [token] });
    baseUrl = await hotel.listen();
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('refuses a websocket without a valid token with 4401, and accepts the query parameter or the header', async () => {
    for (const options of [{}, { token: 'not-the-right-token-at-all' }]) {
      const refused = await LiveClient.connect(baseUrl, options);
      expect((await refused.closed).code).toBe(LiveCloseCode.Unauthorized);
    }
    for (const options of [{ token }, { headers: { authorization: `Bearer ${token}` } }]) {
      const accepted = await LiveClient.connect(baseUrl, options);
      await accepted.subscribe('rooms', 'booking-board');
      accepted.close();
    }
  });

  it('asks the same credentials for mutations, and writes nothing without them', async () => {
    const refused = await hotel.put('/mutation/book-room', booking(1, 1, '2030-06-06'));
    expect(refused).toMatchObject({ status: 401, body: { title: 'Unauthorized' } });
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await hotel.put('/mutation/book-room', booking(1, 1, '2030-06-06'), { authorization: 'Bearer wrong-token-but-long-enough' })).status).toBe(401);
    expect((await hotel.get('/query/booking/1/2030-06-06')).status).toBe(401);
    expect((await hotel.get('/query/booking/1/2030-06-06', { authorization: `Bearer ${token}` })).status).toBe(404);
    expect((await hotel.put('/mutation/book-room', booking(1, 1, '2030-06-06'), { authorization: `Bearer ${token}` })).status).toBe(201);
  });
});
