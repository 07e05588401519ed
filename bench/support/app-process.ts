import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTempNats, type TempNats } from './temp-nats';

const ROOT = resolve(__dirname, '..', '..');

/** A fresh nats-server (file storage, loopback, temp folder) and the built app as a child process on it. */
export class BenchStack {
  private constructor(
    private readonly nats: TempNats,
    private readonly app: ChildProcess,
    readonly baseUrl: string,
  ) {}

  /** `nodeArgs` go to the app's node (e.g. `--cpu-prof`), before its script. */
  static async start(env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<BenchStack> {
    return BenchStack.startOn(await startTempNats('app'), env, nodeArgs);
  }

  /** The app on a nats-server the caller started (and maybe filled); stopping the stack stops both. */
  static async startOn(nats: TempNats, env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<BenchStack> {
    const port = await freePort();
    const app = spawnChild([...nodeArgs, join(ROOT, 'dist/app/main.js')], { NATS_URL: nats.url, PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO_HOTEL: 'true', ...env });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitServing(app, 'the app (run npm run build first)', async () => {
      const response = await fetch(`${baseUrl}/query/rooms`);
      return response.ok && ((await response.json()) as { rooms: unknown[] }).rooms.length >= 5;
    });
    return new BenchStack(nats, app, baseUrl);
  }

  get appPid(): number {
    if (this.app.pid === undefined) throw new Error('the app has no pid');
    return this.app.pid;
  }

  /** The nats-server's process id. */
  get natsPid(): number {
    return this.nats.pid;
  }

  /** Stops the app only; its nats-server keeps running. */
  async stopApp(): Promise<void> {
    await stopChild(this.app);
  }

  async stop(): Promise<void> {
    await stopChild(this.app);
    await this.nats.stop();
  }
}

/** A node child process of the bench, in the project's folder, sharing its stdout and stderr. */
export const spawnChild = (args: readonly string[], env: Record<string, string>): ChildProcess =>
  spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });

/** Polls `ready` until it holds, failing early if the child exits. */
export const waitServing = async (child: ChildProcess, name: string, ready: () => Promise<boolean>): Promise<void> => {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before serving`);
    if (await ready().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${name} did not serve within 30 s`);
};

export const stopChild = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
};

export const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
