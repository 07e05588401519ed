import { resolve } from 'node:path';
import { DEFAULT_RETRY_BUDGET_MS } from '@adapter/event-store/jetstream-event-store';

/** Everything the app reads from its environment; see the README's configuration table. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** NATS server or cluster URLs; absent means the app starts its own embedded server. */
  readonly natsUrl: string | undefined;
  readonly dataDir: string;
  readonly embeddedNatsPort: number;
  readonly logLevel: LogLevel;
  readonly seedDemoHotel: boolean;
  readonly streamReplicas: number;
  readonly commandAttempts: number;
  readonly retryBudgetMs: number;
  readonly queryWaitMs: number;
  readonly bodyLimitBytes: number;
  /** Tokens accepted as credentials for mutations and live views; none means the API is open. */
  readonly authTokens: readonly string[];
  readonly liveHeartbeatMs: number;
  readonly liveMaxQueuedBytes: number;
  readonly liveMaxSubscriptions: number;
}

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Thrown at start-up for a setting that cannot work, naming the variable to fix. */
export class InvalidConfiguration extends Error {
  constructor(variable: string, value: string, expected: string) {
    super(`${variable}=${value} is not valid: expected ${expected}`);
    this.name = 'InvalidConfiguration';
  }
}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const natsUrl = env.NATS_URL?.trim() || undefined;
  const logLevel = (env.LOG_LEVEL ?? 'log') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new InvalidConfiguration('LOG_LEVEL', logLevel, LOG_LEVELS.join(' | '));
  return {
    port: integer(env, 'PORT', 3000, 0, 65_535),
    host: env.HOST ?? '127.0.0.1',
    natsUrl,
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    embeddedNatsPort: integer(env, 'EMBEDDED_NATS_PORT', 4222, 0, 65_535),
    logLevel,
    seedDemoHotel: boolean(env, 'SEED_DEMO_HOTEL', natsUrl === undefined),
    streamReplicas: integer(env, 'STREAM_REPLICAS', 1, 1, 5),
    commandAttempts: integer(env, 'COMMAND_ATTEMPTS', 5, 1, 100),
    retryBudgetMs: integer(env, 'NATS_RETRY_BUDGET_MS', DEFAULT_RETRY_BUDGET_MS, 0, 600_000),
    queryWaitMs: integer(env, 'QUERY_WAIT_MS', 5_000, 0, 60_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 16_384, 1_024, 10_485_760),
    authTokens: tokens(env, 'AUTH_TOKENS'),
    liveHeartbeatMs: integer(env, 'LIVE_HEARTBEAT_MS', 15_000, 100, 300_000),
    liveMaxQueuedBytes: integer(env, 'LIVE_MAX_QUEUED_BYTES', 1_048_576, 1_024, 268_435_456),
    liveMaxSubscriptions: integer(env, 'LIVE_MAX_SUBSCRIPTIONS', 100, 1, 10_000),
  };
};

const integer = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new InvalidConfiguration(name, raw, `an integer from ${min} to ${max}`);
  return value;
};

const boolean = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new InvalidConfiguration(name, raw, 'true or false');
};

/** A comma-separated list of secrets; each must be long enough not to be guessed. */
const tokens = (env: NodeJS.ProcessEnv, name: string): readonly string[] => {
  const values = (env[name] ?? '').split(',').map((token) => token.trim()).filter(Boolean);
  if (values.some((token) => token.length < 16)) throw new InvalidConfiguration(name, '<redacted>', 'tokens of at least 16 characters, separated by commas');
  return values;
};
