import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, PROJECT_ROOT, spawnChild, stopChild, waitServing } from '@libs/testing/child-process';

/** Characters of output an app process keeps (its latest), enough for the story of a failed test. */
const OUTPUT_LIMIT = 1_000_000;

/**
 * The built app (`dist/app/main.js`, run `npm run build` first) as a child process on a given NATS,
 * on a free loopback port, seeding the demo hotel. It can be stopped (SIGTERM), killed (SIGKILL) and
 * started again; every start takes a new free port, and `baseUrl` follows it. Its stdout and stderr
 * are kept across starts, for a failing test to show.
 */
export class AppProcess {
  private child: ChildProcess | undefined;
  private port: number | undefined;
  private log = '';
  private starts = 0;

  constructor(
    readonly name: string,
    private readonly natsUrl: string,
    private readonly env: Record<string, string> = {},
  ) {}

  static async start(name: string, natsUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
    const app = new AppProcess(name, natsUrl, env);
    await app.start();
    return app;
  }

  get baseUrl(): string {
    if (this.port === undefined) throw new Error(`${this.name} has not been started`);
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Everything the app wrote, across its starts (the latest `OUTPUT_LIMIT` characters). */
  get output(): string {
    return this.log;
  }

  /**
   * Starts the app and waits until it serves the demo hotel's five rooms. The per-client rate limit
   * is lifted: the load's clients all come from 127.0.0.1.
   */
  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.name} is already running`);
    this.port = await freePort();
    const env = { NATS_URL: this.natsUrl, PORT: String(this.port), LOG_LEVEL: 'log', SEED_DEMO: 'true', RATE_LIMIT_REQUESTS: '100000000', ...this.env };
    const child = spawnChild([join(PROJECT_ROOT, 'dist/app/main.js')], env, 'pipe');
    this.child = child;
    this.record(`--- ${this.name} start ${++this.starts}, pid ${child.pid ?? '?'}, port ${this.port}\n`);
    child.stdout?.on('data', (chunk: Buffer) => this.record(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.record(chunk.toString()));
    child.once('exit', (code, signal) => this.record(`--- ${this.name} pid ${child.pid ?? '?'} exited (${signal ?? code})\n`));
    const baseUrl = this.baseUrl;
    await waitServing(child, `${this.name} (run npm run build first)`, async () => {
      const response = await fetch(`${baseUrl}/query/rooms`, { signal: AbortSignal.timeout(2_000) });
      return response.ok && ((await response.json()) as { rooms: unknown[] }).rooms.length >= 5;
    }, 60_000);
  }

  /**
   * Graceful stop (SIGTERM): the app drains its consumers and closes its NATS connection. An app that
   * has not exited after `timeoutMs` is killed, and the stop fails.
   */
  async stop(timeoutMs = 20_000): Promise<void> {
    const started = Date.now();
    if (!(await this.terminate('SIGTERM', timeoutMs))) {
      throw new Error(`${this.name} did not stop within ${timeoutMs} ms of SIGTERM, and was killed`);
    }
    this.record(`--- ${this.name} stopped in ${Date.now() - started} ms\n`);
  }

  /** Crash (SIGKILL): whatever the app held unacknowledged comes back to other consumers after `ack_wait`. */
  async kill(): Promise<void> {
    await this.terminate('SIGKILL');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private async terminate(signal: NodeJS.Signals, timeoutMs?: number): Promise<boolean> {
    const child = this.child;
    if (!child) return true;
    this.child = undefined;
    return stopChild(child, signal, timeoutMs);
  }

  private record(text: string): void {
    this.log = (this.log + text).slice(-OUTPUT_LIMIT);
  }
}

/**
 * Runs a test body; when it fails, the error carries the tail of each app's output, so the
 * app's side of the story shows in the test report.
 */
export const showingAppOutput = async (apps: () => readonly AppProcess[], body: () => Promise<void>): Promise<void> => {
  try {
    await body();
  } catch (error) {
    const output = apps()
      .map((app) => `\n===== output of ${app.name} (last 6000 characters) =====\n${app.output.slice(-6_000)}`)
      .join('');
    if (error instanceof Error) {
      error.message += output;
      throw error;
    }
    throw new Error(`${String(error)}${output}`);
  }
};
