import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export interface NatsServerOptions {
  /** Folder for JetStream's file storage. */
  readonly storeDir: string;
  /** Client port on 127.0.0.1; 0 picks a free one. */
  readonly port?: number;
  readonly name?: string;
  /** Extra command-line arguments for `nats-server`. */
  readonly args?: readonly string[];
  readonly startTimeoutMs?: number;
}

/** Thrown when the `nats-server` binary is missing or does not start. */
export class NatsServerStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NatsServerStartError';
  }
}

const SEARCH_PATH = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/opt/homebrew/bin'];

/** `NATS_SERVER_BIN`, then PATH, then the folders Debian and Homebrew install into. */
export const findNatsServerBinary = (): string => {
  const configured = process.env.NATS_SERVER_BIN;
  if (configured) return configured;
  const folders = [...(process.env.PATH ?? '').split(delimiter), ...SEARCH_PATH].filter(Boolean);
  const found = folders.map((folder) => join(folder, 'nats-server')).find((candidate) => existsSync(candidate));
  if (!found) {
    throw new NatsServerStartError(
      'nats-server was not found: run `npm run ensure-nats` (Debian/Ubuntu), `brew install nats-server` (macOS), ' +
        'or set NATS_URL to a running server or NATS_SERVER_BIN to the binary',
    );
  }
  return found;
};

/**
 * A `nats-server` child process with JetStream, listening on loopback only.
 * It can be stopped (gracefully or with SIGKILL) and started again on the same storage and port.
 */
export class NatsServerProcess {
  private child: ChildProcess | undefined;
  private boundPort: number | undefined;

  constructor(private readonly options: NatsServerOptions) {}

  get port(): number {
    if (this.boundPort === undefined) throw new Error('nats-server has not been started');
    return this.boundPort;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** The server's process id while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  async start(): Promise<this> {
    if (this.child) return this;
    await mkdir(this.options.storeDir, { recursive: true });
    const port = this.boundPort ?? this.options.port ?? 0;
    const args = [
      '--addr', '127.0.0.1',
      '--port', port === 0 ? '-1' : String(port),
      '--jetstream',
      '--store_dir', this.options.storeDir,
      '--server_name', this.options.name ?? 'embedded',
      ...(this.options.args ?? []),
    ];
    const child = spawn(findNatsServerBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    this.boundPort = await this.waitUntilReady(child, this.options.startTimeoutMs ?? 15_000);
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    return this;
  }

  /** Graceful stop: lets JetStream flush its stores. */
  async stop(): Promise<void> {
    await this.terminate('SIGTERM');
  }

  /** Crash: nothing is flushed beyond what the server already wrote. */
  async kill(): Promise<void> {
    await this.terminate('SIGKILL');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private async terminate(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  }

  private waitUntilReady(child: ChildProcess, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      let log = '';
      let port: number | undefined;
      const fail = (message: string, cause?: unknown): void => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        this.child = undefined;
        reject(new NatsServerStartError(`${message}\n${log.slice(-2000)}`, { cause }));
      };
      const timer = setTimeout(() => fail(`nats-server did not become ready within ${timeoutMs} ms`), timeoutMs);
      child.once('error', (error) => fail(`nats-server could not be started: ${error.message}`, error));
      child.once('exit', (code) => {
        if (port === undefined || !log.includes('Server is ready')) fail(`nats-server exited with code ${code}`);
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        if (log.includes('Server is ready')) return;
        log += chunk.toString();
        const listening = /Listening for client connections on [^\s]+:(\d+)/.exec(log);
        if (listening?.[1]) port = Number(listening[1]);
        if (port !== undefined && log.includes('Server is ready')) {
          clearTimeout(timer);
          resolve(port);
        }
      });
    });
  }
}
