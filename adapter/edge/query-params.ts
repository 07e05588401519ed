import { InvalidInput, type FieldError } from '@libs/errors/domain-error';
import { isCalendarDate, toEntityId } from '@libs/ids/entity-id';

/** Checks path and query parameters of a view query; throws `InvalidInput` listing every bad one. */
export class QueryParams {
  private readonly errors: FieldError[] = [];

  entityId(field: string, value: string): string {
    const id = toEntityId(value);
    if (id === undefined) this.errors.push({ field, messages: [`${field} must be letters, digits, _ or - (at most 64)`] });
    return id ?? '';
  }

  date(field: string, value: string): string {
    if (!isCalendarDate(value)) this.errors.push({ field, messages: [`${field} must be a real date YYYY-MM-DD`] });
    return value;
  }

  /** `?sequence=N`: wait until the view has applied stream sequence N (read your own writes). */
  sequence(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const sequence = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(sequence)) {
      this.errors.push({ field: 'sequence', messages: ['sequence must be a non-negative integer'] });
      return undefined;
    }
    return sequence;
  }

  /** `?limit=N`: a page's size, from 1 to `max`; `fallback` when not given. */
  limit(value: string | undefined, fallback: number, max: number): number {
    if (value === undefined) return fallback;
    const limit = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
    if (!(limit >= 1 && limit <= max)) {
      this.errors.push({ field: 'limit', messages: [`limit must be a whole number from 1 to ${max}`] });
      return fallback;
    }
    return limit;
  }

  /** A parameter its query checks itself (one of a few words, a UUID): `field` is wrong, for this reason. */
  reject(field: string, message: string): void {
    this.errors.push({ field, messages: [message] });
  }

  check(): void {
    if (this.errors.length > 0) {
      throw new InvalidInput(`invalid query: ${this.errors.map((error) => error.field).join(', ')}`, this.errors);
    }
  }
}
