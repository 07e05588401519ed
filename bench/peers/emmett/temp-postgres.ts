import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, waitServing } from '@libs/testing/child-process';
import { processTree } from './process-tree';

const ROOT = resolve(__dirname, '..', '..', '..');

/** A fresh PostgreSQL server on a free loopback port, its data in a temp folder, trusting local connections. */
export interface TempPostgres {
  readonly connectionString: string;
  /** What `postgres --version` says. */
  readonly version: string;
  /** The process at the top of the server's tree (runuser when run as root), for its CPU. */
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `initdb` and `postgres` from Debian's package (installed by scripts/ensure-postgres.sh when
 * missing), with the server's default settings but for `settings`. PostgreSQL refuses to run as root, so as root it
 * runs as the `postgres` system user, in a temp folder handed to that user.
 */
export const startTempPostgres = async (settings: Readonly<Record<string, string>> = {}): Promise<TempPostgres> => {
  const bin = execFileSync('bash', [join(ROOT, 'scripts/ensure-postgres.sh')], { encoding: 'utf8' }).trim().split('\n').at(-1) ?? '';
  const folder = mkdtempSync(join(tmpdir(), 'bench-postgres-'));
  const asRoot = process.getuid?.() === 0;
  const as = (command: string, args: readonly string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), [...args]];
  if (asRoot) {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' })));
    chownSync(folder, uid ?? 0, gid ?? 0);
  }
  const data = join(folder, 'data');
  execFileSync(...as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']), { stdio: 'ignore' });
  const port = await freePort();
  const log = join(folder, 'server.log');
  const logFile = openSync(log, 'w');
  const server: ChildProcess = spawn(
    ...as('postgres', [
      ...['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${folder}`],
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ]),
    { stdio: ['ignore', 'ignore', logFile] },
  );
  closeSync(logFile);
  const stop = async (): Promise<void> => {
    await fastShutdown(server);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await waitServing(server, 'postgres', () => Promise.resolve(isReady(bin, port)));
  } catch (error) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-20).join('\n');
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; its log ends:\n${tail}`);
  }
  if (server.pid === undefined) throw new Error('postgres has no pid');
  const version = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  return { connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, version, pid: server.pid, stop };
};

/** SIGINT to the postmaster (under runuser when run as root): its fast shutdown, which ends open sessions. */
const fastShutdown = async (server: ChildProcess): Promise<void> => {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return;
  const exited = new Promise((done) => server.once('exit', done));
  const postmaster = processTree(server.pid).find((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres');
  process.kill(postmaster ?? server.pid, 'SIGINT');
  await exited;
};

const isReady = (bin: string, port: number): boolean => {
  try {
    execFileSync(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
