import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, PROJECT_ROOT, spawnChild, stopChild, waitServing } from '@libs/testing/child-process';
import { APP_NODE_FLAGS } from '@app/node-flags';
import { startTempNats, type TempNats } from './temp-nats';

/** A fresh nats-server (file storage, loopback, temp folder) and the built app as a child process on it. */
export class BenchStack {
  private constructor(
    private readonly nats: TempNats,
    private readonly app: ChildProcess,
    readonly baseUrl: string,
    /** Whether stopping the stack stops its nats-server too (not for an instance started alongside another). */
    private readonly ownsNats = true,
  ) {}

  /** `nodeArgs` go to the app's node (e.g. `--cpu-prof`), before its script. */
  static async start(env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<BenchStack> {
    return BenchStack.startOn(await startTempNats('app'), env, nodeArgs);
  }

  /** The app on a nats-server the caller started (and maybe filled); stopping the stack stops both. */
  static async startOn(nats: TempNats, env: Record<string, string> = {}, nodeArgs: readonly string[] = [], ownsNats = true): Promise<BenchStack> {
    const port = await freePort();
    const app = spawnChild([...APP_NODE_FLAGS, ...nodeArgs, join(PROJECT_ROOT, 'dist/app/main.js')], { NATS_URL: nats.url, PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO: 'true', RATE_LIMIT_REQUESTS: '100000000', RATE_LIMIT_WINDOW_MS: '1000', ...env });
    const baseUrl = `http://127.0.0.1:${port}`;
    // The demo hotel is seeded before the app serves; the room list shows it once a view projector has run.
    const projectsViews = env.RUN_VIEW_PROJECTORS !== 'false';
    await waitServing(app, 'the app (run npm run build first)', async () => {
      if (!projectsViews) return (await fetch(`${baseUrl}/health`)).ok;
      const response = await fetch(`${baseUrl}/query/rooms`);
      return response.ok && ((await response.json()) as { rooms: unknown[] }).rooms.length >= 5;
    });
    return new BenchStack(nats, app, baseUrl, ownsNats);
  }

  /** Another app instance on this stack's nats-server (say, with other roles); stopping it stops that instance only. */
  alongside(env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<BenchStack> {
    return BenchStack.startOn(this.nats, env, nodeArgs, false);
  }

  get natsUrl(): string {
    return this.nats.url;
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
    if (this.ownsNats) await this.nats.stop();
  }
}
