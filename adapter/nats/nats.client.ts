import { connect } from '@nats-io/transport-node';
import { RequestError, TimeoutError, type NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, JetStreamApiError, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { ServiceUnavailable } from '@libs/errors/domain-error';

export interface NatsClientOptions {
  /** One URL, or several separated by commas (the members of a cluster). */
  readonly servers: string;
  readonly name: string;
  /** Time a JetStream API call or publish may take before it is retried or reported. */
  readonly requestTimeoutMs?: number;
}

/** Thrown at start-up when no NATS server answers. */
export class NatsUnreachable extends Error {
  constructor(servers: string, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error ? options.cause.message : String(options?.cause);
    super(
      `cannot reach NATS at ${servers} (${reason}): start a nats-server with JetStream there, ` +
        'fix NATS_URL, or unset NATS_URL to let the app start its own embedded server',
      options,
    );
    this.name = 'NatsUnreachable';
  }
}

/**
 * One connection to NATS, with JetStream and KV handles, that knows whether it is connected
 * right now, so commands can fail fast with 503 instead of waiting on a dead link.
 */
export class NatsClient {
  private connected = true;

  private constructor(
    readonly connection: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly kvm: Kvm,
  ) {
    void this.followStatus();
  }

  static async connect(options: NatsClientOptions): Promise<NatsClient> {
    const servers = options.servers.split(',').map((server) => server.trim()).filter(Boolean);
    const timeout = options.requestTimeoutMs ?? 5_000;
    let connection: NatsConnection;
    try {
      connection = await connect({
        servers,
        name: options.name,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 250,
        timeout,
        // Without it, every request and publish builds two Error objects (their stacks) just in case it fails:
        // about a seventh of the app's CPU under load. Failures keep their classes and causes.
        noAsyncTraces: true,
      });
    } catch (cause) {
      throw new NatsUnreachable(options.servers, { cause });
    }
    const jsm = await jetstreamManager(connection, { timeout }).catch(async (cause: unknown) => {
      await connection.close();
      throw new NatsUnreachable(`${options.servers} (JetStream is not enabled there)`, { cause });
    });
    return new NatsClient(connection, jetstream(connection, { timeout }), jsm, new Kvm(connection));
  }

  get isConnected(): boolean {
    return this.connected && !this.connection.isClosed();
  }

  /** Throws `ServiceUnavailable` when the link to NATS is down. */
  assertConnected(): void {
    if (!this.isConnected) {
      throw new ServiceUnavailable('the event store (NATS) is not reachable right now; retry in a moment');
    }
  }

  async close(): Promise<void> {
    if (this.connection.isClosed()) return;
    await this.connection.drain().catch(() => this.connection.close());
  }

  private async followStatus(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect') this.connected = false;
      if (status.type === 'reconnect') this.connected = true;
    }
    this.connected = false;
  }
}

/**
 * What a failover, a restart or a slow server makes fail, and a retry may cure. No responders
 * surfaces as `JetStreamNotEnabled`, which the client does not export: matched by name.
 */
export const isTransientNatsError = (error: unknown): boolean =>
  error instanceof TimeoutError ||
  (error instanceof Error && error.name === 'JetStreamNotEnabled') ||
  (error instanceof RequestError && error.isNoResponders()) ||
  (error instanceof JetStreamApiError && error.status === 503);
