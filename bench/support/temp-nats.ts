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
  const nats = await new NatsServerProcess({ storeDir, port: 0, name }).start();
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
