/**
 * Ids become subject tokens and KV key parts. NATS stores `*`, `>` and `a.b` as literal
 * tokens, so every id is checked against this pattern before it reaches a subject.
 */
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const isEntityId = (value: unknown): value is string =>
  typeof value === 'string' && ENTITY_ID_PATTERN.test(value);

/**
 * Accepts a pattern-conforming string, or a non-negative safe integer as shorthand for its decimal string
 * (`7` is the id `"7"`, `0` the id `"0"`), and returns its token form. Edges read bodies strictly, so an
 * integer never reaches here from a `7.0` or a `7e0` (adapter/edge/strict-json.ts).
 */
export const toEntityId = (value: unknown): string | undefined => {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(Object.is(value, -0) ? 0 : value) : undefined;
  return isEntityId(value) ? value : undefined;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A calendar date (YYYY-MM-DD) that exists, between the years 2000 and 2100. */
export const isCalendarDate = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= MIN_YEAR && year <= MAX_YEAR && isExistingDay(year, Number(match[2]), Number(match[3]));
};

/** Whether the Gregorian calendar has this day: month 1 to 12, day 1 to that month's last. */
export const isExistingDay = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

/** A point in time as the app writes it: ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` gives it. */
export const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

export const isInstant = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  return match !== null && isExistingDay(Number(match[1]), Number(match[2]), Number(match[3]));
};

/** Thrown when code tries to build a subject from an id nobody validated. */
export class InvalidSubjectToken extends Error {
  constructor(
    readonly token: string,
    expected = `an id matching ${ENTITY_ID_PATTERN.source}`,
  ) {
    super(`"${token}" cannot be used in a NATS subject: expected ${expected}`);
    this.name = 'InvalidSubjectToken';
  }
}

/** The last line of defence: every subject builder passes its id tokens through here. */
export const subjectToken = (value: string): string => {
  if (isEntityId(value)) return value;
  throw new InvalidSubjectToken(value);
};

/** The same for date tokens: a calendar date, not merely digits and dashes (2023-02-30 is refused). */
export const dateToken = (value: string): string => {
  if (isCalendarDate(value)) return value;
  throw new InvalidSubjectToken(value, `a calendar date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}`);
};

/** Ids in the order people count them: 2 before 10 (one collator for every comparison: creating one per call is slow). */
export const compareIds: (left: string, right: string) => number = new Intl.Collator('en', { numeric: true }).compare;
