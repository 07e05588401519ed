/** How the CLI ends: 0 done, 1 the operation failed or was refused, 2 the command line was wrong. */
export const ExitCode = { Ok: 0, Failed: 1, Usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the CLI reports as it is: what went wrong, and what to do about it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.Failed,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command line itself is wrong: the message says how, and the command's usage follows it. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.Usage);
    this.name = 'UsageError';
  }
}
