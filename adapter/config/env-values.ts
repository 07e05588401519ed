/**
 * Thrown at start-up for a setting that cannot work, naming the variable to fix. `value` is shown,
 * so secrets pass `<redacted>`; without a value, `expected` says what is missing or conflicting.
 */
export class InvalidConfiguration extends Error {
  constructor(variable: string, value: string | undefined, expected: string) {
    super(value === undefined ? `${variable}: ${expected}` : `${variable}=${value} is not valid: expected ${expected}`);
    this.name = 'InvalidConfiguration';
  }
}

/** An integer variable within its bounds; unset or empty, the fallback. */
export const integer = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new InvalidConfiguration(name, raw, `an integer from ${min} to ${max}`);
  return value;
};

/** A boolean variable: `true`, `1`, `false` or `0`; unset or empty, the fallback. */
export const boolean = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new InvalidConfiguration(name, raw, 'true or false');
};
