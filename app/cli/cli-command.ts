import type { NatsClient } from '@adapter/nats/nats.client';
import type { FlagSpec, ParsedArgs } from './cli-args';
import type { CliOutput } from './cli-output';

/** What a command runs with: where to write, and a connection opened on first use (and closed by the CLI). */
export interface CliContext {
  readonly out: CliOutput;
  readonly nats: () => Promise<NatsClient>;
  readonly env: NodeJS.ProcessEnv;
}

/** One command of the CLI: its name, its help, and what it does. */
export interface CliCommand {
  readonly name: string;
  /** Its arguments, as the usage line shows them: `<view> [key]`. */
  readonly arguments: string;
  /** One line, for the list of commands. */
  readonly summary: string;
  /** What it prints and what it needs to know, for `--help`. */
  readonly details: string;
  readonly example: string;
  readonly flags: readonly FlagSpec[];
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  readonly run: (context: CliContext, args: ParsedArgs) => Promise<void>;
}

/** `--json`: results as JSON lines instead of a table. */
export const JSON_FLAG: FlagSpec = { name: 'json', description: 'print JSON lines instead of a table' };
