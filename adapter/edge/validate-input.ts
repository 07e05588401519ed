import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { InvalidInput, type FieldError } from '@libs/errors/domain-error';
import { jsonFindings } from './strict-json';

/**
 * Turns untrusted JSON into a validated input object, or throws `InvalidInput` listing every
 * failing field. Unknown fields are refused, and so is what `parseStrictJson` found in the body's text
 * (a key given twice, an integer written `1.0`). HTTP and NATS edges both go through here.
 */
export const validateInput = <T extends object>(type: ClassConstructor<T>, body: unknown): T => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInput('the body must be a JSON object', [{ field: '', messages: ['must be a JSON object'] }]);
  }
  const screened = screen(body);
  const input = plainToInstance(type, screened.body, { enableImplicitConversion: false });
  const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  const fields = [...jsonFindings(body), ...screened.problems, ...flatten(errors)];
  if (fields.length > 0) throw new InvalidInput(`invalid input: ${fields.map((error) => error.field || 'the body').join(', ')}`, fields);
  return input;
};

/** Inputs are three levels deep and a handful of values; anything far beyond is refused before it is walked recursively. */
export const MAX_INPUT_DEPTH = 8;
export const MAX_INPUT_VALUES = 256;

/**
 * A copy of the body that the validator may walk safely, and what is wrong with it by shape alone.
 * Nesting is cut at `MAX_INPUT_DEPTH` levels (the body itself is then the failing field), so nothing
 * recursive ever sees a deep body; fields named like `Object.prototype`'s members (`__proto__`,
 * `toString`, `constructor`…) are left out and named, since the validator's whitelist would let them
 * through and NATS bodies are parsed with plain `JSON.parse`. The validator then names every other
 * failing field of what is left. A body of more than `MAX_INPUT_VALUES` values is refused at once.
 */
const screen = (body: object): { body: unknown; problems: FieldError[] } => {
  const problems: FieldError[] = [];
  let values = 0;
  let tooDeep = false;
  const count = (): void => {
    if (++values > MAX_INPUT_VALUES) {
      throw new InvalidInput(`the body holds more than ${MAX_INPUT_VALUES} values`, [{ field: '', messages: [`must hold at most ${MAX_INPUT_VALUES} values`] }]);
    }
  };
  const copy = (value: unknown, path: string, depth: number): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const nested = (key: string, child: unknown): unknown => (typeof child === 'object' && child !== null ? copy(child, path ? `${path}.${key}` : key, depth + 1) : child);
    if (Array.isArray(value)) {
      if (value.length > 0 && depth >= MAX_INPUT_DEPTH) return cut();
      return value.map((child: unknown, index) => {
        count();
        return nested(String(index), child);
      });
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length > 0 && depth >= MAX_INPUT_DEPTH) return cut();
    const kept: Record<string, unknown> = {};
    for (const key of keys) {
      count();
      // Every name `Object.prototype` has (`__proto__` among them) is left out here, so assigning the others is safe.
      if (key in Object.prototype) {
        const field = path ? `${path}.${key}` : key;
        problems.push({ field, messages: [`${field} is not allowed`] });
      } else kept[key] = nested(key, record[key]);
    }
    return kept;
  };
  const cut = (): null => {
    tooDeep = true;
    return null;
  };
  const screened = copy(body, '', 1);
  if (tooDeep) problems.unshift({ field: '', messages: [`must nest at most ${MAX_INPUT_DEPTH} levels`] });
  return { body: screened, problems };
};

const flatten = (errors: readonly ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
