import type { LoggerService } from '@nestjs/common';

/** Where the CLI writes: results on stdout, progress, notes and errors on stderr. Every byte the CLI prints goes through here. */
export interface CliOutput {
  /** One line of results. */
  line(text: string): void;
  /** A value as one line of JSON, for machines. */
  json(value: unknown): void;
  /** Rows under a header, in aligned columns, for people. */
  table(header: readonly string[], rows: readonly (readonly string[])[]): void;
  /** A line on stderr: what is going on, a warning, an error. */
  note(text: string): void;
  /** Progress on stderr: redrawn in place on a terminal, one line each otherwise. */
  progress(text: string, final?: boolean): void;
  /** Whether stderr is a terminal, where progress is redrawn in place. */
  readonly interactive: boolean;
}

/** A writable end, as `process.stdout` and `process.stderr` are. */
export interface Sink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export const cliOutput = (stdout: Sink, stderr: Sink): CliOutput => {
  const interactive = stderr.isTTY === true;
  let drawn = false;
  const clear = (): void => {
    if (drawn) stderr.write('\r\u001b[2K');
    drawn = false;
  };
  return {
    interactive,
    line: (text) => {
      clear();
      stdout.write(`${text}\n`);
    },
    json: (value) => {
      clear();
      stdout.write(`${JSON.stringify(value)}\n`);
    },
    table: (header, rows) => {
      clear();
      const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
      const format = (row: readonly string[]): string =>
        row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
      stdout.write([header, ...rows].map((row) => `${format(row)}\n`).join(''));
    },
    note: (text) => {
      clear();
      stderr.write(`${text}\n`);
    },
    progress: (text, final = false) => {
      if (!interactive) {
        stderr.write(`${text}\n`);
        return;
      }
      stderr.write(`\r\u001b[2K${text}${final ? '\n' : ''}`);
      drawn = !final;
    },
  };
};

/** The framework's logger for the CLI's process: warnings and errors of the shared runtime code as lines on stderr, nothing else. */
export const stderrLogger = (stderr: Sink): LoggerService => {
  const write = (level: string, message: unknown): void => void stderr.write(`${level}: ${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
  return {
    log: () => undefined,
    warn: (message: unknown) => write('warning', message),
    error: (message: unknown) => write('error', message),
    fatal: (message: unknown) => write('error', message),
  };
};
