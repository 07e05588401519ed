import { resolve } from 'node:path';
import type { NatsAuth } from '@adapter/nats/nats-credentials';
import { DEFAULT_RETRY_BUDGET_MS } from '@adapter/event-store/jetstream-event-store';
import type { LogLevel } from '@adapter/telemetry/json.logger';
import type { TracesExporter } from '@adapter/telemetry/tracing';
import { effectChannels, type EffectChannelsConfig } from './effect-channels.config';
import { boolean, integer, InvalidConfiguration } from './env-values';

export type { EffectChannelsConfig, LogLevel, TracesExporter };
export { InvalidConfiguration };

/** Everything the app reads from its environment; see the configuration table in docs/operations.md. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** NATS server or cluster URLs; absent means the app starts its own embedded server. */
  readonly natsUrl: string | undefined;
  /** Whether the app runs on its own nats-server (no `NATS_URL` was given): some settings default differently then. */
  readonly embeddedNats: boolean;
  /** The environment the configuration was read from: the boards' own settings are read from it too (`BoardSettings`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The app's credentials for the server at `natsUrl`; the embedded server gets a login made at each start instead. */
  readonly natsAuth: NatsAuth | undefined;
  readonly dataDir: string;
  readonly embeddedNatsPort: number;
  readonly logLevel: LogLevel;
  /** Whether the boards' demo data is decided at start (`SEED_DEMO`; on by default with the embedded server). */
  readonly seedDemo: boolean;
  readonly streamReplicas: number;
  readonly commandAttempts: number;
  readonly retryBudgetMs: number;
  readonly queryWaitMs: number;
  readonly bodyLimitBytes: number;
  /** Tokens accepted as credentials for commands, queries and live views; none means the API is open. */
  readonly authTokens: readonly string[];
  /** With `authTokens`, whether queries stay open to anyone (`PUBLIC_READS`); commands and live views still need a token. */
  readonly publicReads: boolean;
  /** The tokens `/metrics` accepts (`METRICS_TOKEN`, comma-separated); none: one of `authTokens`, when those are set. */
  readonly metricsTokens: readonly string[];
  /** A port of its own for `/metrics` (`METRICS_PORT`), which the API's port then no longer serves; unset, it is on `port`. */
  readonly metricsPort: number | undefined;
  /** The `Host` names (with or without a port) requests must carry (`ALLOWED_HOSTS`); none means any host. */
  readonly allowedHosts: readonly string[];
  readonly liveHeartbeatMs: number;
  readonly liveMaxQueuedBytes: number;
  readonly liveMaxSubscriptions: number;
  /** `/live` connections one client (its accepted token, else its IP) may hold at once; one more is refused with `429`. */
  readonly liveMaxConnectionsPerClient: number;
  /**
   * Origins (`https://board.example.com`) whose pages may open `/live` besides the app's own (the one named by the
   * request's `Host`). A request without `Origin` is not a browser page's and is let through.
   */
  readonly allowedOrigins: readonly string[];
  /** Requests (and `/live` upgrades) one client may make per `rateLimitWindowMs`; a client is its accepted token, else its IP. */
  readonly rateLimitRequests: number;
  readonly rateLimitWindowMs: number;
  /** Whether this instance runs the views' projectors; one without them still answers queries from the buckets. */
  readonly runViewProjectors: boolean;
  /** Whether this instance runs the automations (the bot); one without them still creates their consumers. */
  readonly runAutomations: boolean;
  /** A view further behind its stream than this (in stream sequences) makes `GET /ready` answer 503. */
  readonly readyMaxLagMessages: number;
  /** Where finished spans go: nowhere (trace context is still carried), or logged as JSON lines. */
  readonly tracesExporter: TracesExporter;
  /** Where effects' emails, Slack messages and text messages go: each channel's real service when its address is set, else the local outbox. */
  readonly effects: EffectChannelsConfig;
}

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
const TRACES_EXPORTERS: readonly TracesExporter[] = ['none', 'console'];

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const natsUrl = env.NATS_URL?.trim() || undefined;
  const logLevel = (env.LOG_LEVEL ?? 'log') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new InvalidConfiguration('LOG_LEVEL', logLevel, LOG_LEVELS.join(' | '));
  const tracesExporter = (env.OTEL_TRACES_EXPORTER || 'none') as TracesExporter;
  if (!TRACES_EXPORTERS.includes(tracesExporter)) throw new InvalidConfiguration('OTEL_TRACES_EXPORTER', tracesExporter, TRACES_EXPORTERS.join(' | '));
  return {
    port: integer(env, 'PORT', 3000, 0, 65_535),
    host: env.HOST ?? '127.0.0.1',
    natsUrl,
    embeddedNats: natsUrl === undefined,
    env,
    natsAuth: natsAuth(env, natsUrl),
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    embeddedNatsPort: integer(env, 'EMBEDDED_NATS_PORT', 4222, 0, 65_535),
    logLevel,
    seedDemo: boolean(env, 'SEED_DEMO', natsUrl === undefined),
    streamReplicas: integer(env, 'STREAM_REPLICAS', 1, 1, 5),
    commandAttempts: integer(env, 'COMMAND_ATTEMPTS', 5, 1, 100),
    retryBudgetMs: integer(env, 'NATS_RETRY_BUDGET_MS', DEFAULT_RETRY_BUDGET_MS, 0, 600_000),
    queryWaitMs: integer(env, 'QUERY_WAIT_MS', 5_000, 0, 60_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 16_384, 1_024, 10_485_760),
    authTokens: tokens(env, 'AUTH_TOKENS'),
    publicReads: boolean(env, 'PUBLIC_READS', false),
    metricsTokens: tokens(env, 'METRICS_TOKEN'),
    metricsPort: metricsPort(env),
    allowedHosts: allowedHosts(env),
    liveHeartbeatMs: integer(env, 'LIVE_HEARTBEAT_MS', 15_000, 100, 300_000),
    liveMaxQueuedBytes: integer(env, 'LIVE_MAX_QUEUED_BYTES', 1_048_576, 1_024, 268_435_456),
    liveMaxSubscriptions: integer(env, 'LIVE_MAX_SUBSCRIPTIONS', 100, 1, 10_000),
    liveMaxConnectionsPerClient: integer(env, 'LIVE_MAX_CONNECTIONS_PER_CLIENT', 20, 1, 100_000),
    allowedOrigins: origins(env, 'ALLOWED_ORIGINS'),
    rateLimitRequests: integer(env, 'RATE_LIMIT_REQUESTS', 1_000, 1, 100_000_000),
    rateLimitWindowMs: integer(env, 'RATE_LIMIT_WINDOW_MS', 10_000, 100, 3_600_000),
    runViewProjectors: boolean(env, 'RUN_VIEW_PROJECTORS', true),
    runAutomations: boolean(env, 'RUN_AUTOMATIONS', true),
    readyMaxLagMessages: integer(env, 'READY_MAX_LAG_MESSAGES', 1_000, 0, 1_000_000_000),
    tracesExporter,
    effects: effectChannels(env),
  };
};

/**
 * At most one kind of NATS credentials, and only for an external server. A secret's value never
 * appears in an error: only the variable's name. Also read by the project's CLI.
 */
export const natsAuth = (env: NodeJS.ProcessEnv, natsUrl: string | undefined): NatsAuth | undefined => {
  const user = env.NATS_USER?.trim() || undefined;
  const password = env.NATS_PASSWORD || undefined;
  const token = env.NATS_TOKEN || undefined;
  const creds = env.NATS_CREDS?.trim() || undefined;
  const set = (['NATS_USER', 'NATS_PASSWORD', 'NATS_TOKEN', 'NATS_CREDS'] as const).filter((name) => env[name]);
  if (set.length === 0) return undefined;
  if (!natsUrl) {
    throw new InvalidConfiguration('NATS_URL', undefined, `must be set when ${set.join(' and ')} is: credentials are for an external server; the embedded one makes its own`);
  }
  const kinds = [user ?? password, token, creds].filter((value) => value !== undefined).length;
  if (kinds > 1) {
    throw new InvalidConfiguration(set.join(', '), undefined, 'set one kind of NATS credentials only: NATS_USER and NATS_PASSWORD, or NATS_TOKEN, or NATS_CREDS');
  }
  if (token !== undefined) return { kind: 'token', token };
  if (creds !== undefined) return { kind: 'creds', file: resolve(creds) };
  if (user === undefined) throw new InvalidConfiguration('NATS_USER', undefined, 'must be set with NATS_PASSWORD');
  if (password === undefined) throw new InvalidConfiguration('NATS_PASSWORD', undefined, 'must be set with NATS_USER');
  return { kind: 'password', user, password };
};

/** A comma-separated list of secrets; each must be long enough not to be guessed. */
const tokens = (env: NodeJS.ProcessEnv, name: string): readonly string[] => {
  const values = (env[name] ?? '').split(',').map((token) => token.trim()).filter(Boolean);
  if (values.some((token) => token.length < 16)) throw new InvalidConfiguration(name, '<redacted>', 'tokens of at least 16 characters, separated by commas');
  return values;
};

/** A port for `/metrics` apart from the API's, or none; never the API's own (`0` picks a free one). */
const metricsPort = (env: NodeJS.ProcessEnv): number | undefined => {
  if (env.METRICS_PORT === undefined || env.METRICS_PORT === '') return undefined;
  const port = integer(env, 'METRICS_PORT', 0, 0, 65_535);
  if (port !== 0 && port === integer(env, 'PORT', 3000, 0, 65_535)) throw new InvalidConfiguration('METRICS_PORT', String(port), 'a port other than PORT');
  return port;
};

/** A host name, an IPv4 address or a bracketed IPv6 address, with an optional port: what a `Host` header carries. */
const HOST_ENTRY = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** A comma-separated list of hosts, compared without case. */
const allowedHosts = (env: NodeJS.ProcessEnv): readonly string[] => {
  const entries = (env.ALLOWED_HOSTS ?? '').split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  const wrong = entries.find((entry) => !HOST_ENTRY.test(entry));
  if (wrong !== undefined) throw new InvalidConfiguration('ALLOWED_HOSTS', wrong, 'host names or addresses, each with an optional :port, separated by commas (api.example.com,api.example.com:8443)');
  return entries;
};

/** A comma-separated list of web origins: a scheme (`http` or `https`), a host and an optional port; no path, no login. */
const origins = (env: NodeJS.ProcessEnv, name: string): readonly string[] =>
  (env[name] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      const url = URL.canParse(origin) ? new URL(origin) : undefined;
      const plain = url && ['http:', 'https:'].includes(url.protocol) && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
      if (!url || !plain) {
        throw new InvalidConfiguration(name, origin, 'origins such as https://board.example.com or http://localhost:8080 (a scheme, a host, an optional port), separated by commas');
      }
      return url.origin;
    });
