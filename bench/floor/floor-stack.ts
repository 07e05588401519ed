import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, spawnChild, stopChild, waitServing } from '@libs/testing/child-process';
import { APP_NODE_FLAGS } from '@app/node-flags';
import { startTempNats, type TempNats } from '../support/temp-nats';

/** The floor's NATS request/reply subject: one JetStream publish per request, answered with its sequence. */
export const FLOOR_COMMAND_SUBJECT = 'cmd.floor';

/** A fresh nats-server and the floor app (floor.app.ts, run by tsx) as a child process on it. */
export class FloorStack {
  private constructor(
    private readonly nats: TempNats,
    private readonly app: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(nodeArgs: readonly string[] = []): Promise<FloorStack> {
    const nats = await startTempNats('floor');
    const port = await freePort();
    const app = spawnChild([...APP_NODE_FLAGS, ...nodeArgs, '--import', 'tsx', join(__dirname, 'floor.app.ts')], { NATS_URL: nats.url, PORT: String(port), FLOOR_COMMAND_SUBJECT });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitServing(app, 'the floor app', async () => {
      const response = await fetch(`${baseUrl}/floor`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
      return response.status === 201;
    });
    return new FloorStack(nats, app, baseUrl);
  }

  get appPid(): number {
    if (this.app.pid === undefined) throw new Error('the floor app has no pid');
    return this.app.pid;
  }

  get natsUrl(): string {
    return this.nats.url;
  }

  /** The nats-server's process id. */
  get natsPid(): number {
    return this.nats.pid;
  }

  async stop(): Promise<void> {
    await stopChild(this.app);
    await this.nats.stop();
  }
}
