import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NatsServerProcess } from '@libs/nats-server/nats-server.process';

/** A fresh nats-server with JetStream on file storage in a temp folder, on a free loopback port. */
export interface TempNats {
  readonly url: string;
  /** The server's process id, to read its CPU from /proc. */
  readonly pid: number;
  stop(): Promise<void>;
}

export const startTempNats = async (name: string): Promise<TempNats> => {
  const storeDir = await mkdtemp(join(tmpdir(), `bench-${name}-`));
  // BENCH_NATS_PROFILE_PORT serves the server's Go profiles (pprof) on that loopback port, to see where its CPU goes.
  const profilePort = process.env.BENCH_NATS_PROFILE_PORT;
  const nats = await new NatsServerProcess({ storeDir, port: 0, name, args: profilePort ? ['--profile', profilePort] : [] }).start();
  const pid = nats.pid;
  if (pid === undefined) throw new Error('nats-server started without a pid');
  return {
    url: nats.url,
    pid,
    stop: async () => {
      await nats.stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
};
