import { matchesSubject } from '@libs/ids/subject-filter';

/**
 * Keys and key patterns of live subscriptions. View keys are dot-separated tokens
 * (`<roomId>.<date>`); a pattern may use `*` for one token and `>`, last, for the rest,
 * as NATS subjects do, because the pattern becomes the filter subject of a KV watch.
 */
const TOKEN = /^[A-Za-z0-9_=/-]+$/;
const MAX_PATTERN_LENGTH = 256;

/** Why a key pattern is refused, or `undefined` when it is usable. */
export const keyPatternProblem = (pattern: string): string | undefined => {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return `a key pattern has 1 to ${MAX_PATTERN_LENGTH} characters`;
  const tokens = pattern.split('.');
  for (const [index, token] of tokens.entries()) {
    if (token === '>' && index === tokens.length - 1) continue;
    if (token === '*' || TOKEN.test(token)) continue;
    return `"${token}" is not a key token: use letters, digits, "-", "_", "=" or "/", "*" for any one token, or ">" last for the rest`;
  }
  return undefined;
};

/** Whether `key` is matched by a valid `pattern`. */
export const matchesKey: (pattern: string, key: string) => boolean = matchesSubject;
