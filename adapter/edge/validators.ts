import { registerDecorator, type ValidationOptions } from 'class-validator';
import { ENTITY_ID_PATTERN, isCalendarDate, MAX_YEAR, MIN_YEAR, toEntityId } from '@libs/ids/entity-id';

/** A string of letters, digits, `_` and `-` (no `.`, `*`, `>`, spaces), or a non-negative integer standing for its decimal string. */
export const IsEntityId = (options?: ValidationOptions): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'isEntityId',
    target: target.constructor,
    propertyName: String(propertyName),
    options: {
      message: `$property must be a non-negative integer or a string matching ${ENTITY_ID_PATTERN.source}`,
      ...options,
    },
    validator: { validate: (value: unknown) => toEntityId(value) !== undefined },
  });

/** A date that exists on the calendar, as YYYY-MM-DD. */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'isCalendarDate',
    target: target.constructor,
    propertyName: String(propertyName),
    options: { message: `$property must be a real date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}`, ...options },
    validator: { validate: isCalendarDate },
  });

/** The id in its subject-token form; only call on validated input. */
export const entityId = (value: number | string): string => {
  const id = toEntityId(value);
  if (id === undefined) throw new Error(`unvalidated id ${String(value)}`);
  return id;
};
