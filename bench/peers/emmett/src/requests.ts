import { ValidationError } from '@event-driven-io/emmett';

/** The request body does not have the expected shape; `errors` names each failing field. */
export class InvalidInput extends ValidationError {
  constructor(readonly errors: readonly { field: string; messages: string[] }[]) {
    super(`the request body is invalid: ${errors.map(({ field }) => field).join(', ')}`);
    // ValidationError's constructor pins the prototype to its own class; this keeps `instanceof InvalidInput`.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type Fields = { readonly [key: string]: unknown };
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the fields of one object, collecting every problem instead of stopping at the first. */
class BodyReader {
  readonly errors: { field: string; messages: string[] }[] = [];

  object(value: unknown, field: string, keys: readonly string[]): Fields {
    if (!isRecord(value)) {
      this.errors.push({ field, messages: [`${field || 'body'} must be an object`] });
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) this.errors.push({ field: field ? `${field}.${key}` : key, messages: [`${key} is not expected`] });
    }
    return value;
  }

  /** `{"id": 1}` or `{"id": "a-1"}`: a positive integer or a token, returned as a string. */
  id(value: unknown, field: string): string {
    const id = this.object(value, field, ['id']).id;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return String(id);
    if (typeof id === 'string' && ID.test(id)) return id;
    this.errors.push({ field: `${field}.id`, messages: [`${field}.id must be a positive integer or a string matching ${ID.source}`] });
    return '';
  }

  date(value: unknown, field: string): string {
    const match = typeof value === 'string' ? DATE.exec(value) : null;
    const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
    const parsed = new Date(Date.UTC(year, month - 1, day));
    const real = parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
    if (match && real && year >= 2000 && year <= 2100) return value as string;
    this.errors.push({ field, messages: [`${field} must be a real date YYYY-MM-DD between 2000 and 2100`] });
    return '';
  }

  done<T>(value: T): T {
    if (this.errors.length > 0) throw new InvalidInput(this.errors);
    return value;
  }
}

/** `{"data":{"room":{"id":1},"client":{"id":1},"date":"2022-12-12"}}`, for booking and checking in. */
export const guestRequest = (body: unknown): { roomId: string; clientId: string; date: string } => {
  const reader = new BodyReader();
  const data = reader.object(reader.object(body, '', ['data']).data, 'data', ['room', 'client', 'date']);
  return reader.done({ roomId: reader.id(data.room, 'data.room'), clientId: reader.id(data.client, 'data.client'), date: reader.date(data.date, 'data.date') });
};

/** `{"data":{"room":{"id":1},"date":"2022-12-12"}}`, for cleaning up. */
export const cleanupRequest = (body: unknown): { roomId: string; date: string } => {
  const reader = new BodyReader();
  const data = reader.object(reader.object(body, '', ['data']).data, 'data', ['room', 'date']);
  return reader.done({ roomId: reader.id(data.room, 'data.room'), date: reader.date(data.date, 'data.date') });
};
