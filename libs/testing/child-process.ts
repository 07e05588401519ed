import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The project's folder: child processes run there, and find `dist/` there. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/**
 * A node child process in the project's folder. Its stdout and stderr are shared with this process
 * (`inherit`), or left as streams for the caller to read (`pipe`).
 */
export const spawnChild = (
  args: readonly string[],
  env: Record<string, string>,
  output: 'inherit' | 'pipe' = 'inherit',
): ChildProcess => spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', output, output] });

/** Polls `ready` until it holds, failing early if the child exits. */
export const waitServing = async (child: ChildProcess, name: string, ready: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited with ${child.exitCode ?? child.signalCode} before serving`);
    }
    if (await ready().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${name} did not serve within ${timeoutMs} ms`);
};

/**
 * Sends `signal` (SIGTERM: a graceful stop; SIGKILL: a crash) and waits until the child has exited.
 * A child still running after `timeoutMs` is killed; the answer says whether it exited in time by itself.
 */
export const stopChild = async (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<boolean> => {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
  return child.signalCode !== 'SIGKILL' || signal === 'SIGKILL';
};

/** A TCP port free on loopback right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
