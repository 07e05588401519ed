import { connect } from '@nats-io/transport-node';
import { AuthorizationError, PermissionViolationError, RequestError, TimeoutError, type NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, JetStreamApiError, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { JetStreamRequests } from './jetstream-requests';
import { ServiceUnavailable } from '@libs/errors/domain-error';
import { credentialOptions, NatsAuthenticationFailed, NatsPermissionDenied, withoutCredentials, type NatsAuth } from './nats-credentials';

export interface NatsClientOptions {
  /** One URL, or several separated by commas (the members of a cluster). */
  readonly servers: string;
  readonly name: string;
  /** Time a JetStream API call or publish may take before it is retried or reported. */
  readonly requestTimeoutMs?: number;
  /** How the app proves who it is; none connects anonymously. */
  readonly auth?: NatsAuth;
  /** Where replies to this connection's requests go: its user's own inboxes; the app's by default. */
  readonly inboxPrefix?: string;
}

/**
 * The app's own inbox subjects (replies to its requests, JetStream deliveries): `_INBOX_app.>`, apart
 * from the `_INBOX.>` of other clients, so a user allowed to read replies to its commands cannot read
 * what JetStream answers the app.
 */
export const APP_INBOX_PREFIX = '_INBOX_app';

/** User names that can name an inbox prefix: one subject token. */
const INBOX_USER = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The inbox prefix of a NATS user, `_INBOX_<user>`: each user reads replies under its own prefix only, so no user
 * can read what is answered to another. Undefined for a name that is not one subject token.
 */
export const inboxPrefixOf = (user: string): string | undefined => (INBOX_USER.test(user) ? `_INBOX_${user}` : undefined);

/**
 * Whether a request's reply subject is another client's inbox: `_INBOX.…` (a client with the default prefix) or
 * `_INBOX_<user>.…`, never the app's own inboxes. A command names where its reply goes, and the app may publish to
 * its streams, buckets and JetStream's API: any other reply subject would have the app write where the sender may not.
 */
export const isClientInbox = (subject: string): boolean => /^_INBOX(_[A-Za-z0-9_-]+)?\.[^.]/.test(subject) && !subject.startsWith(`${APP_INBOX_PREFIX}.`);

/** Thrown at start-up when no NATS server answers. */
export class NatsUnreachable extends Error {
  constructor(servers: string, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error ? options.cause.message : String(options?.cause);
    super(
      `cannot reach NATS at ${withoutCredentials(servers)} (${reason}): start a nats-server with JetStream there, ` +
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
    /** Stored publishes and leader reads of the hot paths, lighter than the client's general request path. */
    readonly requests: JetStreamRequests,
  ) {
    void this.followStatus();
  }

  static async connect(options: NatsClientOptions): Promise<NatsClient> {
    const servers = options.servers.split(',').map((server) => server.trim()).filter(Boolean);
    const timeout = options.requestTimeoutMs ?? 5_000;
    let connection: NatsConnection;
    const credentials = await credentialOptions(options.auth);
    try {
      connection = await connect({
        servers,
        name: options.name,
        inboxPrefix: options.inboxPrefix ?? APP_INBOX_PREFIX,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 250,
        timeout,
        ...credentials,
        // Without it, every request and publish builds two Error objects (their stacks) just in case it fails:
        // about a seventh of the app's CPU under load. Failures keep their classes and causes.
        noAsyncTraces: true,
      });
    } catch (cause) {
      if (cause instanceof AuthorizationError) throw new NatsAuthenticationFailed(options.servers, options.auth, { cause });
      throw new NatsUnreachable(options.servers, { cause });
    }
    const jsm = await jetstreamManager(connection, { timeout }).catch(async (cause: unknown) => {
      await connection.close();
      if (cause instanceof PermissionViolationError) throw new NatsPermissionDenied(options.servers, { cause });
      throw new NatsUnreachable(`${options.servers} (JetStream is not enabled there)`, { cause });
    });
    return new NatsClient(connection, jetstream(connection, { timeout }), jsm, new Kvm(connection), new JetStreamRequests(connection, options.inboxPrefix ?? APP_INBOX_PREFIX, timeout));
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

  /**
   * Drains the connection (pending messages go out, subscriptions finish what they received) and
   * closes it. A drain needs the server's answer, so while NATS is unreachable, or when the drain
   * does not finish within `DRAIN_TIMEOUT_MS`, the connection is closed without one.
   */
  async close(): Promise<void> {
    if (this.connection.isClosed()) return;
    if (this.isConnected) await withinTime(this.connection.drain(), DRAIN_TIMEOUT_MS);
    if (!this.connection.isClosed()) await this.connection.close();
  }

  private async followStatus(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect') this.connected = false;
      if (status.type === 'reconnect') this.connected = true;
    }
    this.connected = false;
  }
}

/** Longest wait for a drain: it flushes through the server, which may have gone away meanwhile. */
export const DRAIN_TIMEOUT_MS = 2_000;

/** Waits for `operation` at most `ms`; true when it completed in time, false when it failed or took longer. */
export const withinTime = async (operation: Promise<unknown>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([operation.then(() => true, () => false), timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * What a failover, a restart or a slow server makes fail, and a retry may cure. No responders
 * surfaces as `JetStreamNotEnabled`, which the client does not export: matched by name.
 */
export const isTransientNatsError = (error: unknown): boolean =>
  error instanceof TimeoutError ||
  (error instanceof Error && error.name === 'JetStreamNotEnabled') ||
  (error instanceof RequestError && error.isNoResponders()) ||
  (error instanceof JetStreamApiError && error.status === 503);
