import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';
import { currentOperation, operationLogFields } from './operation-context';

/** The levels `LOG_LEVEL` takes: Nest's, from the fewest lines to the most. */
export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** Nest's levels as pino levels: `log` is pino's `info`, `verbose` its `trace`. */
const LEVELS: Record<NestLogLevel, number> = { fatal: 60, error: 50, warn: 40, log: 30, debug: 20, verbose: 10 };

/** Fields whose values are secrets wherever they appear in a logged object: written as `<redacted>`. */
const SECRET_FIELDS = ['authorization', 'password', 'token', 'pass', '*.authorization', '*.password', '*.token', '*.pass', '["x-api-key"]', '*["x-api-key"]'];

/**
 * One JSON object per line on stdout, written by pino: `level`, `time`, `context`, the running
 * operation's `correlationId` and `causationId` (and `traceId`, `spanId` when it is traced), then the
 * fields of an object message (`message`, `subject`, …) at the top level, where log shippers index them.
 */
export class JsonLogger implements LoggerService {
  private readonly pino: Pino<NestLogLevel, boolean>;

  constructor(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)) {
    this.pino = pino<NestLogLevel, boolean>(
      {
        level,
        customLevels: LEVELS,
        useOnlyCustomLevels: true,
        base: null,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: SECRET_FIELDS, censor: '<redacted>' },
      },
      { write },
    );
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.print('log', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.print('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.print('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.print('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.print('verbose', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.print('fatal', message, rest);
  }

  /** Nest passes the context last, and for errors it logs itself, the stack before it. */
  private print(level: NestLogLevel, message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const stack = level === 'error' && rest.length === 2 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields = typeof message === 'object' && message !== null && !(message instanceof Error) ? message : { message: describe(message), stack };
    this.pino[level]({ context, ...operationLogFields(currentOperation()), ...fields });
  }
}

const describe = (message: unknown): string => (message instanceof Error ? `${message.name}: ${message.message}` : String(message));
