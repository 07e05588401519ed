import { headers as natsHeaders } from '@nats-io/nats-core';
import { WebSocket } from 'ws';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { BOOKING_BOARD } from '@feature/hotel/booking-board/booking-board.slice';
import { InvalidConfiguration, loadConfig } from '@adapter/config/app.config';
import { AppHarness } from './app.harness';
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
    hotel = await AppHarness.start({ authTokens: [GOOD, LIVE, NEST, SECRET, PROTO], rateLimitRequests: LIMIT, rateLimitWindowMs: 60_000, logLevel: 'verbose' });
    base = await hotel.listen();
  });

  afterAll(async () => {
    await hotel.dispose();
    stdout.mockRestore();
  });

  it('answers a client over its budget with 429 problem details and Retry-After', async () => {
    for (let attempt = 1; attempt <= LIMIT; attempt++) {
      const answer = await request(hotel, '10.0.0.1', 'GET', '/query/rooms');
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['x-ratelimit-remaining']).toBe(String(LIMIT - attempt));
    }
    const refused = await request(hotel, '10.0.0.1', 'GET', '/query/rooms');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests', detail: expect.stringContaining(`at most ${LIMIT} per 60000 ms`) });
    expect((await request(hotel, '10.0.0.2', 'GET', '/query/rooms')).statusCode).toBe(200);
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
    const answer = await request(hotel, '10.0.0.6', 'GET', '/query/booking/1/2022-12-12', { 'x-correlation-id': 'trace-500' });
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
    const failed = await request(hotel, '10.0.0.8', 'GET', `/query/booking/2/2030-04-04?access_token=${wrong[2]}`);
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
