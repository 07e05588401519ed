import { connect } from 'node:net';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { WebSocket } from 'ws';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { BOOKING_BOARD } from '@feature/hotel/booking-board/booking-board.slice';
import { InvalidConfiguration, loadConfig } from '@adapter/config/app.config';
import { MetricsServer } from '@adapter/ops/metrics.server';
import { AppHarness } from './app.harness';
import { declaredRoutes as allDeclaredRoutes, type DeclaredRoute } from './declared-routes';
import { booking } from './hotel.requests';
import { LiveClient } from './live.client';

/** One token per test that sends accepted ones: each token is a client with a budget of its own. */
const GOOD = 'good-token-0123456789-alpha';
const LIVE = 'live-token-0123456789-bravo';
const NEST = 'nest-token-0123456789-charlie';
const SECRET = 'secret-token-0123456789-delta';
const PROTO = 'proto-token-0123456789-echo';
const LIMIT = 5;

/** A PUT or GET from a given IP, so that each test has a rate-limit budget of its own. */
const request = (hotel: AppHarness, ip: string, method: 'GET' | 'PUT', url: string, headers: Record<string, string> = {}, payload?: unknown) =>
  hotel.app.inject({
    method,
    url,
    remoteAddress: ip,
    headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });

/** Opens a websocket to `/live` and resolves with the handshake's status: 101 when upgraded. */
const upgrade = (base: string, token: string): Promise<{ status: number; retryAfter?: string }> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/live?access_token=${token}`);
    socket.once('open', () => {
      socket.close();
      resolve({ status: 101 });
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] });
      response.resume();
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });

describe('the HTTP side under abuse: rate limits, headers, limits, leaks', () => {
  let hotel: AppHarness;
  let base: string;
  const logged: string[] = [];
  let stdout: jest.SpyInstance;

  beforeAll(async () => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    hotel = await AppHarness.start({ authTokens: [GOOD, LIVE, NEST, SECRET, PROTO], rateLimitRequests: LIMIT, rateLimitWindowMs: 60_000, logLevel: 'verbose', allowedHosts: ['localhost', '127.0.0.1'] });
    base = await hotel.listen();
  });

  afterAll(async () => {
    await hotel.dispose();
    stdout.mockRestore();
  });

  it('answers a client over its budget with 429 problem details and Retry-After', async () => {
    for (let attempt = 1; attempt <= LIMIT; attempt++) {
      const answer = await request(hotel, '10.0.0.1', 'GET', '/model');
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['x-ratelimit-remaining']).toBe(String(LIMIT - attempt));
    }
    const refused = await request(hotel, '10.0.0.1', 'GET', '/model');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests', detail: expect.stringContaining(`at most ${LIMIT} per 60000 ms`) });
    expect((await request(hotel, '10.0.0.2', 'GET', '/model')).statusCode).toBe(200);
  });

  it('counts a client with an accepted token by its token, and wrong tokens against the IP', async () => {
    for (let attempt = 0; attempt < LIMIT; attempt++) {
      const guessed = await request(hotel, '10.0.0.3', 'PUT', '/mutation/book-room', { authorization: `Bearer wrong-guess-${attempt}-0123456789` }, booking(1, 1));
      expect(guessed.statusCode).toBe(401);
    }
    expect((await request(hotel, '10.0.0.3', 'PUT', '/mutation/book-room', { 'x-api-key': 'yet-another-guess-0123456789' }, booking(1, 1))).statusCode).toBe(429);
    const before = await hotel.lastSequence(HOTEL_STREAM.name);
    const booked = await request(hotel, '10.0.0.3', 'PUT', '/mutation/book-room', { authorization: `Bearer ${GOOD}` }, booking(1, 1, '2030-03-03'));
    expect(booked.statusCode).toBe(201);
    expect(await hotel.lastSequence(HOTEL_STREAM.name)).toBe(before + 1);
  });

  it('counts websocket upgrades on /live too, refusing them with 429 before any websocket exists', async () => {
    for (let attempt = 0; attempt < LIMIT; attempt++) expect((await upgrade(base, LIVE)).status).toBe(101);
    const refused = await upgrade(base, LIVE);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });

  it('sends secure headers, with a policy that keeps scripts, styles and connections to the app itself', async () => {
    for (const url of ['/query/rooms', '/board']) {
      const { headers } = await request(hotel, '10.0.0.4', 'GET', url);
      const policy = String(headers['content-security-policy']);
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' });
      expect(headers['strict-transport-security']).toContain('max-age=');
    }
  });

  it('refuses deep nesting and huge arrays with 400, over HTTP and over NATS, and bodies over the limit with 413', async () => {
    let deep: unknown = 1;
    for (let level = 0; level < 2_000; level++) deep = { a: deep };
    const wide = { data: { ...booking(1, 1).data, room: { id: Array.from({ length: 3_000 }, (_, index) => index) } } };
    for (const payload of [{ data: deep }, wide]) {
      const answer = await request(hotel, '10.0.0.5', 'PUT', '/mutation/book-room', { authorization: `Bearer ${NEST}` }, payload);
      expect(answer.statusCode).toBe(400);
      expect(answer.json<{ errors: { field: string }[] }>().errors[0]).toMatchObject({ field: '' });
      const reply = await hotel.observer.request('cmd.hotel.book-room', JSON.stringify(payload), { timeout: 5_000 });
      expect(reply.headers?.get('Status')).toBe('400');
    }
    const huge = await hotel.observer.request('cmd.hotel.book-room', JSON.stringify({ ...booking(1, 1), padding: 'x'.repeat(20_000) }), { timeout: 5_000 });
    expect(huge.headers?.get('Status')).toBe('413');
    expect(huge.json()).toMatchObject({ status: 413, title: 'Payload too large' });
  });

  it('names fields called __proto__ or constructor at any depth, over HTTP as over NATS, and writes nothing', async () => {
    const date = '2034-04-04';
    const bodies = [
      `{"data":{"room":{"id":1},"client":{"id":1},"date":"${date}"},"toString":{"__proto__":0}}`,
      `{"data":{"room":{"id":1,"__proto__":{"admin":true}},"client":{"id":1},"date":"${date}"}}`,
      `{"data":{"room":{"id":1},"client":{"id":1},"date":"${date}","constructor":{"prototype":{"admin":true}}}}`,
    ];
    const fields = [['toString'], ['data.room.__proto__'], ['data.constructor']];
    for (const [index, body] of bodies.entries()) {
      const answer = await request(hotel, '10.0.0.6', 'PUT', '/mutation/book-room', { authorization: `Bearer ${PROTO}` }, body);
      expect(answer.statusCode).toBe(400);
      expect(answer.json<{ errors: { field: string }[] }>().errors.map(({ field }) => field)).toEqual(fields[index]);
      const reply = await hotel.observer.request('cmd.hotel.book-room', body, { timeout: 5_000 });
      expect(reply.json<{ errors: { field: string }[] }>().errors.map(({ field }) => field)).toEqual(fields[index]);
    }
    expect(await hotel.messages(HOTEL_STREAM.name, roomDaySubject('1', date))).toEqual([]);
  });

  it('closes a live connection that sends a frame over 16 KiB with 1009', async () => {
    const client = await LiveClient.connect(base, { token: NEST });
    client.send('x'.repeat(17 * 1024));
    expect((await client.closed).code).toBe(1009);
  });

  it('answers an unexpected failure with "internal error" and the correlation id only; the log has the detail', async () => {
    const view = hotel.view(BOOKING_BOARD);
    const failing = jest.spyOn(view, 'query').mockRejectedValueOnce(new Error('disk /srv/secret-path exploded'));
    const answer = await request(hotel, '10.0.0.6', 'GET', '/query/booking/1/2022-12-12', { 'x-correlation-id': 'trace-500', authorization: `Bearer ${PROTO}` });
    failing.mockRestore();
    expect(answer.statusCode).toBe(500);
    expect(answer.json()).toEqual({
      type: 'https://problems.event-model.dev/internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'internal error; it is logged with the correlation id of this request',
      instance: '/query/booking/1/2022-12-12',
      correlationId: 'trace-500',
    });
    const line = logged.find((entry) => entry.includes('trace-500'));
    expect(line).toContain('disk /srv/secret-path exploded');
    expect(line).toContain('"stack"');
  });

  it('never writes a token to the log, for accepted and refused requests alike', async () => {
    const wrong = ['wrong-bearer-0123456789-x', 'wrong-api-key-0123456789-y', 'wrong-query-0123456789-z', 'wrong-live-0123456789-w'] as const;
    const from = logged.length;
    await request(hotel, '10.0.0.7', 'PUT', '/mutation/book-room', { authorization: `Bearer ${SECRET}`, 'x-correlation-id': 'trace-secrets' }, booking(2, 1, '2030-04-04'));
    await request(hotel, '10.0.0.7', 'PUT', '/mutation/book-room', { 'x-api-key': SECRET }, booking(2, 1, '2030-04-04'));
    await request(hotel, '10.0.0.7', 'PUT', '/mutation/book-room', { authorization: `Bearer ${wrong[0]}` }, booking(2, 1, '2030-04-05'));
    await request(hotel, '10.0.0.8', 'PUT', '/mutation/book-room', { 'x-api-key': wrong[1] }, booking(2, 1, '2030-04-05'));
    const view = hotel.view(BOOKING_BOARD);
    const failing = jest.spyOn(view, 'query').mockRejectedValueOnce(new Error('view store down'));
    const failed = await request(hotel, '10.0.0.8', 'GET', `/query/booking/2/2030-04-04?access_token=${wrong[2]}`, { authorization: `Bearer ${SECRET}` });
    failing.mockRestore();
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain(wrong[2]);
    const refusedLive = await LiveClient.connect(base, { token: wrong[3] });
    expect((await refusedLive.closed).code).toBe(4401);
    const acceptedLive = await LiveClient.connect(base, { token: SECRET });
    await acceptedLive.subscribe('s', 'booking-board', '2.>');
    acceptedLive.socket.close();
    const headers = natsHeaders();
    headers.set('Authorization', `Bearer ${SECRET}`);
    await hotel.observer.request('cmd.hotel.book-room', JSON.stringify(booking(2, 1, '2030-04-06')), { timeout: 5_000, headers });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const written = logged.slice(from).join('');
    expect(written).toContain('trace-secrets');
    expect(written).toContain('live client refused');
    expect(written).toContain('view store down');
    for (const secret of [GOOD, LIVE, NEST, SECRET, ...wrong]) expect(written).not.toContain(secret);
  });

  it('counts every request against the budget, documents, assets and unknown routes alike, but not the probes', async () => {
    for (const url of ['/asyncapi.json', '/api-json', '/api/swagger-ui-bundle.js', '/no-such-route', '/board']) {
      const answer = await request(hotel, '10.0.9.1', 'GET', url);
      expect([url, answer.headers['x-ratelimit-limit']]).toEqual([url, String(LIMIT)]);
    }
    for (const url of ['/api-json', '/api/swagger-ui.css', '/nothing-here']) {
      const refused = await request(hotel, '10.0.9.1', 'GET', url);
      expect([url, refused.statusCode, refused.headers['content-type']]).toEqual([url, 429, expect.stringMatching(/^application\/problem\+json/)]);
    }
    expect((await request(hotel, '10.0.9.1', 'GET', '/health')).statusCode).toBe(200);
  });

  it('names the variable but not the tokens when AUTH_TOKENS is wrong', () => {
    const env = { AUTH_TOKENS: `${GOOD},short-secret` };
    expect(() => loadConfig(env)).toThrow(InvalidConfiguration);
    expect(() => loadConfig(env)).toThrow(/^AUTH_TOKENS=<redacted> is not valid/);
    try {
      loadConfig(env);
    } catch (error) {
      expect(String(error)).not.toContain('short-secret');
      expect(String(error)).not.toContain(GOOD);
    }
  });
});

/** Every route the running app declares, with its path's parameters filled in (`:id` → `id1`). */
const declaredRoutes = (hotel: AppHarness): DeclaredRoute[] =>
  allDeclaredRoutes(hotel).map((route) => ({ ...route, path: route.path.replace(/:(\w+)/g, (_match, param: string) => `${param}1`) }));

/** Sends raw bytes to the app's socket (keeping its side open: Node drops a request whose client half-closed) and resolves with everything it answers before closing. */
const rawHttp = (base: string, text: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => (chunks.length > 0 ? resolve(Buffer.concat(chunks).toString()) : reject(error)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
  });

const statusOf = (response: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const problemOf = (response: string): Record<string, unknown> => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;

describe('the HTTP edge with AUTH_TOKENS and ALLOWED_HOSTS: every route, bodies, hosts, credentials, framework errors', () => {
  const TOKEN = 'edge-token-0123456789-foxtrot';
  const bearer = { authorization: `Bearer ${TOKEN}` };
  let hotel: AppHarness;
  let base: string;

  beforeAll(async () => {
    hotel = await AppHarness.start({ authTokens: [TOKEN], allowedHosts: ['localhost', '127.0.0.1'], rateLimitRequests: 100_000 });
    base = await hotel.listen();
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  const send = (method: string, url: string, headers: Record<string, string> = {}, payload?: string) =>
    hotel.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });

  it('asks a token of every route the boards declare, reads included, and of nothing that is a page', async () => {
    const routes = declaredRoutes(hotel);
    const guarded = routes.filter(({ access }) => access === undefined);
    expect(guarded.map(({ method, path }) => `${method} ${path}`)).toEqual(expect.arrayContaining(['GET /query/rooms', 'GET /api/v1/reminders', 'GET /api/v1/reminders/id1', 'PUT /mutation/book-room']));
    for (const { method, path } of guarded) {
      const refused = await send(method, path);
      expect([method, path, refused.statusCode, refused.headers['content-type']]).toEqual([method, path, 401, expect.stringMatching(/^application\/problem\+json/)]);
      expect([method, path, (await send(method, path, { authorization: 'Bearer wrong-token-0123456789' })).statusCode]).toEqual([method, path, 401]);
      expect([method, path, (await send(method, path, bearer)).statusCode]).not.toEqual([method, path, 401]);
    }
    for (const { method, path } of routes.filter(({ access }) => access === 'page')) {
      expect([method, path, (await send(method, path)).statusCode]).not.toEqual([method, path, 401]);
    }
    for (const url of ['/api', '/api-json', '/api/swagger-ui.css', '/asyncapi', '/asyncapi.json', '/asyncapi.css']) {
      expect([url, (await send('GET', url)).statusCode]).toEqual([url, 200]);
    }
  });

  it('keeps /metrics behind a token, /health open saying ok only, and /ready naming its checks only to a token', async () => {
    expect((await send('GET', '/metrics')).statusCode).toBe(401);
    expect((await send('GET', '/metrics', bearer)).statusCode).toBe(200);
    const health = await send('GET', '/health');
    expect([health.statusCode, health.json()]).toEqual([200, { status: 'ok' }]);
    await hotel.eventually('/ready', (answer) => answer.status === 200);
    expect((await send('GET', '/ready')).json()).toEqual({ status: 'ready' });
    expect((await send('GET', '/ready', bearer)).json()).toMatchObject({ status: 'ready', checks: expect.arrayContaining([expect.objectContaining({ name: 'stream HOTEL' })]) });
  });

  it('takes the bearer scheme in any case, and refuses credentials that disagree or come twice', async () => {
    const date = '2036-01-01';
    const body = JSON.stringify(booking(1, 1, date));
    const json = { 'content-type': 'application/json' };
    expect((await send('PUT', '/mutation/book-room', { ...json, authorization: `bearer ${TOKEN}` }, body)).statusCode).toBe(201);
    expect((await send('GET', '/query/rooms', { authorization: `BEARER ${TOKEN}` })).statusCode).toBe(200);
    expect((await send('GET', '/query/rooms', { authorization: 'Bearer wrong-token-0123456789', 'x-api-key': TOKEN })).statusCode).toBe(401);
    expect((await send('GET', '/query/rooms', { authorization: `Basic ${TOKEN}`, 'x-api-key': TOKEN })).statusCode).toBe(401);
    expect((await send('GET', '/query/rooms', { authorization: `Bearer ${TOKEN}`, 'x-api-key': TOKEN })).statusCode).toBe(200);
    const host = `Host: 127.0.0.1\r\n`;
    const twice = await rawHttp(base, `GET /query/rooms HTTP/1.1\r\n${host}Authorization: Bearer wrong-token-0123456789\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(twice)).toBe(401);
    const keys = await rawHttp(base, `GET /query/rooms HTTP/1.1\r\n${host}X-API-Key: ${TOKEN}\r\nX-API-Key: ${TOKEN}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(keys)).toBe(401);
    expect(statusOf(await rawHttp(base, `GET /query/rooms HTTP/1.1\r\n${host}X-API-Key: ${TOKEN}\r\nConnection: close\r\n\r\n`))).toBe(200);
  });

  it('answers a request for another Host with 421 problem details, writing nothing, while probes still answer', async () => {
    const date = '2036-02-02';
    const refused = await send('PUT', '/mutation/book-room', { ...bearer, host: 'rebound.example', 'content-type': 'application/json' }, JSON.stringify(booking(1, 1, date)));
    expect([refused.statusCode, refused.headers['content-type']]).toEqual([421, expect.stringMatching(/^application\/problem\+json/)]);
    expect(refused.json()).toMatchObject({ status: 421, detail: expect.stringContaining('ALLOWED_HOSTS') });
    expect((await send('GET', '/query/rooms', { ...bearer, host: 'rebound.example:3000' })).statusCode).toBe(421);
    expect((await send('GET', '/health', { host: 'rebound.example' })).statusCode).toBe(200);
    expect((await send('GET', '/query/rooms', { ...bearer, host: 'LOCALHOST:3000' })).statusCode).toBe(200);
    expect(await hotel.messages(HOTEL_STREAM.name, roomDaySubject('1', date))).toEqual([]);
  });

  it('refuses a key given twice at any depth and integers written 1.0 or 2e0, over HTTP and NATS, naming the field and writing nothing', async () => {
    const date = '2036-03-03';
    const cases = [
      [`{"data":{"room":{"id":"*"},"client":{"id":1},"date":"${date}"},"data":{"room":{"id":1},"client":{"id":1},"date":"${date}"}}`, 'data'],
      [`{"data":{"room":{"id":"*","id":1},"client":{"id":1},"date":"${date}"}}`, 'data.room.id'],
      [`{"data":{"room":{"id":1.0},"client":{"id":1},"date":"${date}"}}`, 'data.room.id'],
      [`{"data":{"room":{"id":1},"client":{"id":2e0},"date":"${date}"}}`, 'data.client.id'],
    ] as const;
    for (const [body, field] of cases) {
      const answer = await send('PUT', '/mutation/book-room', { ...bearer, 'content-type': 'application/json' }, body);
      expect([body, answer.statusCode]).toEqual([body, 400]);
      expect(answer.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toContain(field);
      const reply = await hotel.observer.request('cmd.hotel.book-room', body, { timeout: 5_000 });
      expect([body, reply.headers?.get('Status')]).toEqual([body, '400']);
      expect(reply.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toContain(field);
    }
    expect(await hotel.messages(HOTEL_STREAM.name, roomDaySubject('1', date))).toEqual([]);
  });

  it('takes the number 0 as the id "0", as it takes 7 as "7"', async () => {
    for (const id of [0, '0']) {
      const answer = await send('PUT', '/mutation/book-room', { ...bearer, 'content-type': 'application/json' }, JSON.stringify({ data: { room: { id }, client: { id: 1 }, date: '2036-04-04' } }));
      expect([id, answer.statusCode, answer.json<{ rule: string }>().rule]).toEqual([id, 409, 'room-must-exist']);
    }
  });

  it('answers 415 problem details to a body that is not UTF-8 JSON, before reading it', async () => {
    const date = '2036-05-05';
    const form = `data[room][id]=1&data[client][id]=1&data[date]=${date}&secret_field=1`;
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', form],
      ['text/plain', JSON.stringify(booking(1, 1, date))],
      ['application/json; charset=latin1', JSON.stringify(booking(1, 1, date))],
      ['application/json-patch+json', JSON.stringify(booking(1, 1, date))],
    ] as const) {
      const answer = await send('PUT', '/mutation/book-room', { ...bearer, 'content-type': type }, body);
      expect([type, answer.statusCode, answer.headers['content-type']]).toEqual([type, 415, expect.stringMatching(/^application\/problem\+json/)]);
      expect(answer.body).not.toContain('secret_field');
    }
    const utf8 = await send('PUT', '/mutation/book-room', { ...bearer, 'content-type': 'application/json; charset=UTF-8' }, JSON.stringify(booking(1, 1, date)));
    expect(utf8.statusCode).toBe(201);
  });

  it('answers what Fastify and Node refuse before any route as problem details too', async () => {
    const host = 'Host: 127.0.0.1\r\n';
    const badUrl = await rawHttp(base, `GET /%c0 HTTP/1.1\r\n${host}Connection: close\r\n\r\n`);
    expect([statusOf(badUrl), /content-type: application\/problem\+json/i.test(badUrl)]).toEqual([400, true]);
    expect(problemOf(badUrl)).toMatchObject({ status: 400, correlationId: expect.any(String) });
    const huge = await rawHttp(base, `GET /query/rooms HTTP/1.1\r\n${host}X-Padding: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect([statusOf(huge), /content-type: application\/problem\+json/i.test(huge)]).toEqual([431, true]);
    expect(problemOf(huge)).toMatchObject({ status: 431, title: 'Request Header Fields Too Large', correlationId: expect.any(String) });
    const garbage = await rawHttp(base, 'THIS IS NOT HTTP\r\n\r\n');
    expect([statusOf(garbage), /content-type: application\/problem\+json/i.test(garbage)]).toEqual([400, true]);
    const unknown = await send('GET', '/no/such/route?access_token=leaked-token-0123456789');
    expect([unknown.statusCode, unknown.headers['content-type']]).toEqual([404, expect.stringMatching(/^application\/problem\+json/)]);
    expect(unknown.body).not.toContain('leaked-token');
  });

  it('serves the contract documents and Swagger UI with an ETag, and 304 to a browser that has them', async () => {
    for (const url of ['/api/swagger-ui-bundle.js', '/api-json', '/asyncapi.json']) {
      const first = await send('GET', url);
      expect([url, first.headers['cache-control'], first.headers.etag]).toEqual([url, 'no-cache', expect.stringMatching(/^".+"$/)]);
      const again = await send('GET', url, { 'if-none-match': String(first.headers.etag) });
      expect([url, again.statusCode, again.body]).toEqual([url, 304, '']);
    }
  });
});

describe('the HTTP edge with PUBLIC_READS, METRICS_TOKEN and METRICS_PORT', () => {
  const TOKEN = 'api-token-0123456789-golf';
  const METRICS = 'metrics-token-0123456789-hotel';
  let hotel: AppHarness;

  beforeAll(async () => {
    hotel = await AppHarness.start({ authTokens: [TOKEN], publicReads: true, metricsTokens: [METRICS], metricsPort: 0 });
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('opens queries on purpose, still asking a token of commands', async () => {
    expect((await hotel.get('/query/rooms')).status).toBe(200);
    expect((await hotel.put('/mutation/book-room', booking(1, 1, '2037-01-01'))).status).toBe(401);
  });

  it('serves /metrics on its own port only, with METRICS_TOKEN and not with an API token', async () => {
    expect((await hotel.get('/metrics', { authorization: `Bearer ${TOKEN}` })).status).toBe(404);
    const url = `${hotel.app.get(MetricsServer).url}/metrics`;
    const refused = await fetch(url);
    expect([refused.status, refused.headers.get('content-type')]).toEqual([401, expect.stringMatching(/^application\/problem\+json/)]);
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(401);
    const scraped = await fetch(url, { headers: { authorization: `Bearer ${METRICS}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('nats_connected');
  });
});
