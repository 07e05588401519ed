import type { NatsClient } from '@adapter/nats/nats.client';
import { flagValue, parseArgs, type FlagSpec } from './cli-args';
import type { CliCommand } from './cli-command';
import { connectCli, findServer } from './cli-connection';
import { CliError, ExitCode, UsageError } from './cli-error';
import { cliOutput, type CliOutput, type Sink } from './cli-output';
import { consumersCommand } from './commands/consumers.command';
import { deadLettersCommand } from './commands/dead-letters.command';
import { historyCommand } from './commands/history.command';
import { rebuildCommand } from './commands/rebuild.command';
import { redriveCommand } from './commands/redrive.command';
import { viewHistoryCommand } from './commands/view-history.command';
import { viewCommand } from './commands/view.command';

export const CLI_NAME = 'nats-event-model';

export const COMMANDS: readonly CliCommand[] = [
  historyCommand,
  viewCommand,
  viewHistoryCommand,
  consumersCommand,
  deadLettersCommand,
  redriveCommand,
  rebuildCommand,
];

/** Options every command takes. */
const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'server', value: '<url>', description: 'NATS server(s), comma-separated; else NATS_URL; else the embedded server of `npm start`' },
  { name: 'help', description: 'this help' },
];

/** Runs one command line; resolves with the exit code. Errors are written as they are, with what to do, never as stacks. */
export const runCli = async (argv: readonly string[], env: NodeJS.ProcessEnv, stdout: Sink, stderr: Sink): Promise<ExitCode> => {
  const out = cliOutput(stdout, stderr);
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    if (name !== undefined) {
      out.line(generalHelp());
      return ExitCode.Ok;
    }
    out.note(generalHelp());
    return ExitCode.Usage;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    out.note(`${CLI_NAME}: unknown command ${name}; the commands are ${COMMANDS.map((known) => known.name).join(', ')} (--help)`);
    return ExitCode.Usage;
  }
  let client: NatsClient | undefined;
  try {
    const args = parseArgs(rest, [...command.flags, ...COMMON_FLAGS]);
    if (args.flags.has('help')) {
      out.line(commandHelp(command));
      return ExitCode.Ok;
    }
    const { min, max } = command.positionals;
    if (args.positionals.length < min || args.positionals.length > max) throw new UsageError(`usage: ${usage(command)}`);
    const nats = async (): Promise<NatsClient> => (client ??= await connectCli(await findServer(flagValue(args, 'server'), env), env));
    await command.run({ out, nats, env }, args);
    return ExitCode.Ok;
  } catch (error) {
    return report(out, command, error);
  } finally {
    await client?.close();
  }
};

const report = (out: CliOutput, command: CliCommand, error: unknown): ExitCode => {
  if (error instanceof UsageError) {
    out.note(`${CLI_NAME} ${command.name}: ${error.message}\n(${CLI_NAME} ${command.name} --help)`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    out.note(`${CLI_NAME} ${command.name}: ${error.message}`);
    return error.exitCode;
  }
  out.note(`${CLI_NAME} ${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
  return ExitCode.Failed;
};

const usage = (command: CliCommand): string => `${CLI_NAME} ${command.name}${command.arguments ? ` ${command.arguments}` : ''} [options]`;

const flagLines = (flags: readonly FlagSpec[]): string[] => {
  const labels = flags.map((flag) => `${flag.name === 'help' ? '-h, ' : ''}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`);
  const width = Math.max(...labels.map((label) => label.length));
  return flags.map((flag, index) => `  ${(labels[index] ?? '').padEnd(width)}  ${flag.description}`);
};

const commandHelp = (command: CliCommand): string =>
  [usage(command), '', command.summary, '', command.details, '', 'Options:', ...flagLines([...command.flags, ...COMMON_FLAGS]), '', 'Example:', `  ${command.example}`].join(
    '\n',
  );

const generalHelp = (): string => {
  const width = Math.max(...COMMANDS.map((command) => `${command.name} ${command.arguments}`.length));
  return [
    `${CLI_NAME} <command> [arguments] [options]`,
    '',
    "Looks into the event model on NATS JetStream and repairs it: entities' events, views, consumers, dead letters, view rebuilds.",
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${`${command.name} ${command.arguments}`.padEnd(width)}  ${command.summary}`),
    '',
    'Options of every command:',
    ...flagLines(COMMON_FLAGS),
    '',
    'Server: --server, else NATS_URL, else the embedded server of `npm start` through <DATA_DIR>/nats/operator.url (DATA_DIR: ./.data).',
    'Credentials: as the app reads them (NATS_USER and NATS_PASSWORD, NATS_TOKEN or NATS_CREDS), or user:password in the URL.',
    'Exit codes: 0 done, 1 failed or refused, 2 wrong command line.',
  ].join('\n');
};
