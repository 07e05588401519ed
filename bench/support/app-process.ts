import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { NatsServerProcess } from '@libs/nats-server/nats-server.process';

const ROOT = resolve(__dirname, '..', '..');

/** A fresh nats-server (file storage, loopback, temp folder) and the built app as a child process on it. */
export class BenchStack {
  private constructor(
    readonly nats: NatsServerProcess,
    private readonly storeDir: string,
    private readonly app: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<BenchStack> {
    const storeDir = await mkdtemp(join(tmpdir(), 'bench-nats-'));
    const nats = await new NatsServerProcess({ storeDir, port: 0, name: 'bench' }).start();
    const port = await freePort();
    const app = spawn(process.execPath, [join(ROOT, 'dist/app/main.js')], {
      cwd: ROOT,
      env: { ...process.env, NATS_URL: nats.url, PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO_HOTEL: 'true', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await demoHotelReady(app, baseUrl);
    return new BenchStack(nats, storeDir, app, baseUrl);
  }

  get appPid(): number | undefined {
    return this.app.pid;
  }

  async stop(): Promise<void> {
    const exited = new Promise((done) => this.app.once('exit', done));
    this.app.kill('SIGTERM');
    await exited;
    await this.nats.stop();
    await rm(this.storeDir, { recursive: true, force: true });
  }
}

const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });

/** Waits until the app serves and its demo rooms are registered. */
const demoHotelReady = async (app: ChildProcess, baseUrl: string): Promise<void> => {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode} before serving; run npm run build first`);
    const rooms = await fetch(`${baseUrl}/query/rooms`)
      .then(async (response) => (response.ok ? ((await response.json()) as { rooms: unknown[] }).rooms.length : 0))
      .catch(() => 0);
    if (rooms >= 5) return;
    await sleep(100);
  }
  throw new Error(`the app at ${baseUrl} did not serve its demo hotel within 30 s`);
};
