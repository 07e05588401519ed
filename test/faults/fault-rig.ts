import { startNatsTestServer, type NatsTestServer } from '@libs/testing/nats-test-server';
import { NatsClient } from '@adapter/nats/nats.client';
import { AppProcess } from './app-process';
import { BookingLoad, type BookingLoadOptions } from './booking-load';

/**
 * One fault test's world: a nats-server of its own, and the app processes, booking loads and
 * observer connection the test starts on it, all stopped when the test ends.
 */
export class FaultRig {
  readonly apps: AppProcess[] = [];
  private readonly loads: BookingLoad[] = [];
  private observer: NatsClient | undefined;

  private constructor(readonly nats: NatsTestServer) {}

  static async start(): Promise<FaultRig> {
    return new FaultRig(await startNatsTestServer());
  }

  /** The built app as its own process on the rig's server. */
  async app(name: string, env: Record<string, string> = {}): Promise<AppProcess> {
    const app = await AppProcess.start(name, this.nats.url, env);
    this.apps.push(app);
    return app;
  }

  load(baseUrl: string | (() => string), options: BookingLoadOptions): BookingLoad {
    const load = BookingLoad.start(baseUrl, options);
    this.loads.push(load);
    return load;
  }

  /** The test's own connection, opened at its first use (a test that crashes the server asks once it is back). */
  async observe(): Promise<NatsClient> {
    this.observer ??= await NatsClient.connect({ servers: this.nats.url, name: 'faults-observer' });
    return this.observer;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.loads.map((load) => load.stop()));
    await Promise.all(this.apps.map((app) => app.kill()));
    await this.observer?.close();
    await this.nats.dispose();
  }
}
