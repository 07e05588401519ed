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
  const input = plainToInstance(type, body, { enableImplicitConversion: false });
  const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    const fields = flatten(errors);
    throw new InvalidInput(`invalid input: ${fields.map((error) => error.field).join(', ')}`, fields);
  }
  return input;
};

const flatten = (errors: readonly ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
