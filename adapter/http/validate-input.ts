import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { InvalidInput, type FieldError } from '@libs/errors/domain-error';

/**
 * Turns untrusted JSON into a validated input object, or throws `InvalidInput` listing every
 * failing field. Unknown fields are refused. HTTP and NATS edges both go through here.
 */
export const validateInput = <T extends object>(type: ClassConstructor<T>, body: unknown): T => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInput('the body must be a JSON object', [{ field: '', messages: ['must be a JSON object'] }]);
  }
  const prototypeNamed = refuseHostileShapes(body);
  const input = plainToInstance(type, withoutPrototypeNames(body), { enableImplicitConversion: false });
  const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  const fields = [...prototypeNamed, ...flatten(errors)];
  if (fields.length > 0) throw new InvalidInput(`invalid input: ${fields.map((error) => error.field).join(', ')}`, fields);
  return input;
};

/** Inputs are three levels deep and a handful of values; anything far beyond is refused before it is walked recursively. */
export const MAX_INPUT_DEPTH = 8;
export const MAX_INPUT_VALUES = 256;

/**
 * Walks the body breadth-first, level by level, throwing at the first limit crossed, so nothing
 * recursive ever sees a deep body. Returns the fields named like `Object.prototype`'s members
 * (`__proto__`, `toString`, `constructor`…), which are refused by name: the validator's whitelist
 * would let them through, and NATS bodies are parsed with plain `JSON.parse`.
 */
const refuseHostileShapes = (body: object): FieldError[] => {
  const prototypeNamed: FieldError[] = [];
  let values = 0;
  let level: [unknown, string][] = [[body, '']];
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > MAX_INPUT_DEPTH) {
      throw new InvalidInput(`the body nests deeper than ${MAX_INPUT_DEPTH} levels`, [{ field: '', messages: [`must nest at most ${MAX_INPUT_DEPTH} levels`] }]);
    }
    const next: [unknown, string][] = [];
    for (const [value, path] of level) {
      if (typeof value !== 'object' || value === null) continue;
      for (const [key, child] of Object.entries(value)) {
        const field = path ? `${path}.${key}` : key;
        if (key in Object.prototype) prototypeNamed.push({ field, messages: [`${field} is not allowed`] });
        if (++values > MAX_INPUT_VALUES) {
          throw new InvalidInput(`the body holds more than ${MAX_INPUT_VALUES} values`, [{ field: '', messages: [`must hold at most ${MAX_INPUT_VALUES} values`] }]);
        }
        next.push([child, field]);
      }
    }
    level = next;
  }
  return prototypeNamed;
};

/** A copy of a body already known to be shallow, without the fields named like `Object.prototype`'s members, for the validator to name the rest. */
const withoutPrototypeNames = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(withoutPrototypeNames);
  return Object.fromEntries(Object.entries(value).filter(([key]) => !(key in Object.prototype)).map(([key, child]) => [key, withoutPrototypeNames(child)]));
};

const flatten = (errors: readonly ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
