import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NatsServerProcess } from '@libs/nats-server/nats-server.process';

/** A throw-away `nats-server` with JetStream on a free loopback port and a temp store. */
export interface NatsTestServer {
  readonly server: NatsServerProcess;
  readonly url: string;
  readonly storeDir: string;
  /** Stops the server and removes its storage. */
  dispose(): Promise<void>;
}

export const startNatsTestServer = async (): Promise<NatsTestServer> => {
  const storeDir = await mkdtemp(join(tmpdir(), 'nats-test-'));
  const server = await new NatsServerProcess({ storeDir, port: 0, name: 'test' }).start();
  return {
    server,
    get url() {
      return server.url;
    },
    storeDir,
    async dispose() {
      await server.stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
};
