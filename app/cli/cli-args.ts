import { UsageError } from './cli-error';

/** A `--name` option: a switch, or one taking a value (`--name value` or `--name=value`). */
export interface FlagSpec {
  readonly name: string;
  /** The value's placeholder in the help (`<url>`); absent for a switch. */
  readonly value?: string;
  readonly description: string;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

/** Reads a command's arguments: positionals in order, the flags it knows, `-h` for `--help`, everything after `--` as positionals. */
export const parseArgs = (argv: readonly string[], known: readonly FlagSpec[]): ParsedArgs => {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (argument === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!argument.startsWith('--')) {
      positionals.push(argument);
      continue;
    }
    const [name = '', inline] = splitOnce(argument.slice(2), '=');
    const spec = known.find((flag) => flag.name === name);
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[++index];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value: --${name} ${spec.value}`);
    flags.set(name, value);
  }
  return { positionals, flags };
};

/** The value of a flag taking one, if given. */
export const flagValue = (args: ParsedArgs, name: string): string | undefined => {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** A flag's value as a whole number of at least `min`, or `fallback` when absent. */
export const integerFlag = (args: ParsedArgs, name: string, fallback: number, min = 0): number => {
  const raw = flagValue(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} ${raw}: expected a whole number of at least ${min}`);
  return value;
};

const splitOnce = (text: string, separator: string): [string, string | undefined] => {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
};
