import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, stopChild, waitServing } from '@libs/testing/child-process';
import { APP_NODE_FLAGS } from '@app/node-flags';
import { startTempPostgres, type TempPostgres } from './temp-postgres';

const PEER = __dirname;

/**
 * The Emmett peer (src/main.ts, run by the project's tsx) as a child process on a fresh PostgreSQL.
 * Its own dependencies live in bench/peers/emmett/node_modules, installed from its lock file when
 * missing or older than it, so the product's dependencies stay untouched.
 */
export class EmmettStack {
  private constructor(
    private readonly postgres: TempPostgres,
    private readonly app: ChildProcess,
    readonly baseUrl: string,
  ) {}

  /** `postgresSettings` go to the server as `-c name=value`; `env` to the peer (`PEER_VIEWS=none`: no views). */
  static async start(postgresSettings: Readonly<Record<string, string>> = {}, env: Readonly<Record<string, string>> = {}): Promise<EmmettStack> {
    installPeer();
    const postgres = await startTempPostgres(postgresSettings);
    const port = await freePort();
    const app = spawn(process.execPath, [...APP_NODE_FLAGS, '--import', 'tsx', join(PEER, 'src', 'main.ts')], {
      cwd: PEER,
      env: { ...process.env, ...env, PORT: String(port), POSTGRESQL_CONNECTION_STRING: postgres.connectionString },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitServing(app, 'the Emmett peer', async () => (await fetch(`${baseUrl}/health`)).ok);
    } catch (error) {
      await stopChild(app);
      await postgres.stop();
      throw error;
    }
    return new EmmettStack(postgres, app, baseUrl);
  }

  get appPid(): number {
    if (this.app.pid === undefined) throw new Error('the Emmett peer has no pid');
    return this.app.pid;
  }

  /** The top of the database server's process tree. */
  get databasePid(): number {
    return this.postgres.pid;
  }

  get databaseVersion(): string {
    return this.postgres.version;
  }

  async stop(): Promise<void> {
    await stopChild(this.app);
    await this.postgres.stop();
  }
}

const installPeer = (): void => {
  const installed = join(PEER, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(PEER, 'package-lock.json')).mtimeMs) return;
  process.stdout.write('emmett peer: installing its dependencies (npm ci in bench/peers/emmett)\n');
  execFileSync('npm', ['ci', '--prefix', PEER, '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
};
