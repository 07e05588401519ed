import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogLevel } from './app.config';

const SEVERITY: Record<NestLogLevel, number> = { fatal: 0, error: 1, warn: 2, log: 3, debug: 4, verbose: 5 };

/**
 * One JSON object per line on stdout: `level`, `time`, `context`, then the fields of an object
 * message (`message`, `correlationId`, …) at the top level, where log shippers index them.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(level: LogLevel, private readonly write: (line: string) => void = (line) => process.stdout.write(line)) {
    this.threshold = SEVERITY[level];
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

  private print(level: NestLogLevel, message: unknown, rest: unknown[]): void {
    if (SEVERITY[level] > this.threshold) return;
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const fields = typeof message === 'object' && message !== null && !(message instanceof Error) ? message : { message: describe(message) };
    this.write(`${JSON.stringify({ level, time: new Date().toISOString(), context, ...fields })}\n`);
  }
}

const describe = (message: unknown): string => (message instanceof Error ? `${message.name}: ${message.message}` : String(message));
