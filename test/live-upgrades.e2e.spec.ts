import { WebSocket } from 'ws';
import { AppHarness } from './app.harness';
import { LiveClient } from './live.client';

const MAX_CONNECTIONS = 3;
const ALLOWED = 'https://board.example.com';
const FIRST = 'first-token-0123456789-alpha';
const SECOND = 'second-token-0123456789-bravo';

interface Upgrade {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Record<string, unknown>;
  /** The websocket, when the upgrade went through (status 101). */
  readonly socket?: WebSocket;
}

/** Asks for a websocket on `/live` and answers what the server said: 101 with the open socket, or the refusal. */
const upgrade = (base: string, options: { origin?: string; token?: string; headers?: Record<string, string> } = {}): Promise<Upgrade> =>
  new Promise((resolve, reject) => {
    const url = new URL('/live', base.replace(/^http/, 'ws'));
    if (options.token) url.searchParams.set('access_token', options.token);
    const socket = new WebSocket(url, { headers: { ...options.headers, ...(options.origin === undefined ? {} : { origin: options.origin }) } });
    socket.once('open', () => resolve({ status: 101, headers: {}, body: {}, socket }));
    socket.once('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) as Record<string, unknown> });
        socket.terminate();
      });
    });
    socket.once('error', reject);
  });

const closeAll = async (upgrades: readonly Upgrade[]): Promise<void> => {
  const open = upgrades.flatMap(({ socket }) => (socket && socket.readyState !== WebSocket.CLOSED ? [socket] : []));
  await Promise.all(open.map((socket) => new Promise<void>((resolve) => (socket.once('close', () => resolve()), socket.close()))));
};

/** Retries an upgrade for a moment: the server gives a slot back when it sees the TCP socket close, just after the client does. */
const eventuallyUpgraded = async (base: string, options: Parameters<typeof upgrade>[1]): Promise<Upgrade> => {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const answer = await upgrade(base, options);
    if (answer.status === 101 || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('who may open /live', () => {
  let open: AppHarness;
  let withTokens: AppHarness;
  let openBase: string;
  let tokensBase: string;
  const logged: string[] = [];
  let stdout: jest.SpyInstance;
  // The log level is the process's: every app this spec starts logs at debug, so the log spec sees debug lines.
  const settings = { liveMaxConnectionsPerClient: MAX_CONNECTIONS, allowedOrigins: [ALLOWED], logLevel: 'debug' } as const;

  beforeAll(async () => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    open = await AppHarness.start(settings);
    openBase = await open.listen();
    withTokens = await AppHarness.start({ ...settings, authTokens: [FIRST, SECOND] });
    tokensBase = await withTokens.listen();
  });

  afterAll(async () => {
    await Promise.all([open?.dispose(), withTokens?.dispose()]);
    stdout.mockRestore();
  });

  it('refuses pages of a foreign origin with 403 problem details, and lets in its own pages, ALLOWED_ORIGINS and clients without Origin', async () => {
    for (const origin of ['https://evil.example', 'null', `${openBase.replace('127.0.0.1', 'localhost')}`]) {
      const refused = await upgrade(openBase, { origin, headers: { 'x-correlation-id': 'foreign-page' } });
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toBe('application/problem+json');
      expect(refused.body).toMatchObject({ status: 403, title: 'Forbidden origin', instance: '/live', correlationId: 'foreign-page', detail: expect.stringContaining('ALLOWED_ORIGINS') });
    }
    const accepted = [await upgrade(openBase, { origin: openBase }), await upgrade(openBase, { origin: ALLOWED }), await upgrade(openBase)];
    expect(accepted.map(({ status }) => status)).toEqual([101, 101, 101]);
    await closeAll(accepted);
  });

  it('refuses a Host that ALLOWED_HOSTS does not list with 421 problem details, as every other request', async () => {
    const guarded = await AppHarness.start({ ...settings, allowedHosts: ['board.internal'] });
    try {
      const base = await guarded.listen();
      const refused = await upgrade(base, { headers: { host: 'rebound.example', 'x-correlation-id': 'rebinding' } });
      expect(refused.status).toBe(421);
      expect(refused.headers['content-type']).toBe('application/problem+json');
      expect(refused.body).toMatchObject({ status: 421, instance: '/live', correlationId: 'rebinding', detail: expect.stringContaining('ALLOWED_HOSTS') });
      const accepted = await upgrade(base, { headers: { host: 'Board.Internal' } });
      expect(accepted.status).toBe(101);
      await closeAll([accepted]);
    } finally {
      await guarded.dispose();
    }
  });

  it(`holds at most ${MAX_CONNECTIONS} connections from one IP, refusing one more with 429, and gives a slot back when one closes`, async () => {
    const held = [];
    for (let index = 0; index < MAX_CONNECTIONS; index++) held.push(await eventuallyUpgraded(openBase, {}));
    expect(held.map(({ status }) => status)).toEqual(Array(MAX_CONNECTIONS).fill(101));
    const refused = await upgrade(openBase);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ status: 429, title: 'Too many connections', detail: expect.stringContaining('LIVE_MAX_CONNECTIONS_PER_CLIENT') });
    await closeAll(held.slice(0, 1));
    const again = await eventuallyUpgraded(openBase, {});
    expect(again.status).toBe(101);
    await closeAll([...held, again]);
  });

  it('closes a link that carries two Authorization headers with 4401, even when one of them is right', async () => {
    const socket = new WebSocket(new URL('/live', tokensBase.replace(/^http/, 'ws')), { headers: { authorization: [`Bearer ${FIRST}`, 'Bearer wrong-token-0123456789-charlie'] as unknown as string } });
    const code = await new Promise<number>((resolve, reject) => {
      socket.once('close', (closeCode) => resolve(closeCode));
      socket.once('error', reject);
    });
    expect(code).toBe(4401);
    const single = await LiveClient.connect(tokensBase, { headers: { authorization: `Bearer ${FIRST}` } });
    await single.subscribe('rooms', 'room-list');
    single.close();
  });

  it('counts a client with an accepted token by its token: another token from the same IP has slots of its own', async () => {
    const first = [];
    for (let index = 0; index < MAX_CONNECTIONS; index++) first.push(await eventuallyUpgraded(tokensBase, { token: FIRST }));
    expect((await upgrade(tokensBase, { token: FIRST })).status).toBe(429);
    const second = await upgrade(tokensBase, { token: SECOND });
    expect(second.status).toBe(101);
    await closeAll([...first, second]);
  });

  it('logs what anonymous clients break or are refused at debug level, never as a warning or an error', async () => {
    const from = logged.length;
    const linesSince = () =>
      logged
        .slice(from)
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: string; message?: string; correlationId?: string });
    const oversized = await LiveClient.connect(openBase, { headers: { 'x-correlation-id': 'oversized-frame' } });
    oversized.send('x'.repeat(17 * 1024));
    expect((await oversized.closed).code).toBe(1009);
    const anonymous = await LiveClient.connect(tokensBase);
    expect((await anonymous.closed).code).toBe(4401);
    const notJson = await LiveClient.connect(openBase);
    notJson.send('not json');
    expect((await notJson.closed).code).toBe(4400);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(linesSince().filter(({ level }) => level === 'warn' || level === 'error')).toEqual([]);
    expect(linesSince()).toContainEqual(expect.objectContaining({ level: 'debug', correlationId: 'oversized-frame', message: expect.stringContaining('broke the websocket protocol') }));
    expect(linesSince()).toContainEqual(expect.objectContaining({ level: 'debug', message: 'live client refused: no valid credentials' }));

    expect((await upgrade(openBase, { origin: 'https://evil.example' })).status).toBe(403);
    expect(linesSince().filter(({ level }) => level === 'warn' || level === 'error')).toEqual([]);
    expect(linesSince()).toContainEqual(expect.objectContaining({ level: 'debug', message: 'live upgrade refused' }));
  });
});
