import { InvalidInput, type FieldError } from '@libs/errors/domain-error';
import { keyPatternProblem } from './key-pattern';
import type { ClientMessage } from './live.protocol';

const SUBSCRIPTION_ID = /^[\x21-\x7e]{1,64}$/;
const VIEW_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads one client frame's JSON into a protocol message; throws `InvalidInput` naming each failing field. */
export const parseClientMessage = (json: unknown): ClientMessage => {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InvalidInput('a live message is a JSON object with a "type"', [{ field: 'type', messages: ['must be "subscribe" or "unsubscribe"'] }]);
  }
  const message = json as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (field: string, reason: string): void => void errors.push({ field, messages: [reason] });
  const known = message.type === 'subscribe' ? ['type', 'id', 'view', 'key', 'after'] : ['type', 'id'];
  for (const field of Object.keys(message)) if (!known.includes(field)) fail(field, 'is not a field of this message');
  if (typeof message.id !== 'string' || !SUBSCRIPTION_ID.test(message.id)) fail('id', 'must be 1 to 64 visible ASCII characters');

  if (message.type === 'unsubscribe') {
    check(errors);
    return { type: 'unsubscribe', id: message.id as string };
  }
  if (message.type !== 'subscribe') {
    fail('type', 'must be "subscribe" or "unsubscribe"');
    check(errors);
  }
  if (typeof message.view !== 'string' || !VIEW_NAME.test(message.view)) fail('view', 'must be the name of a state view, such as "booking-board"');
  const key = message.key ?? '>';
  const keyProblem = typeof key === 'string' ? keyPatternProblem(key) : 'must be a string';
  if (keyProblem) fail('key', keyProblem);
  const after = message.after;
  if (after !== undefined && (typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0)) {
    fail('after', 'must be the last revision received: an integer, 0 or more');
  }
  check(errors);
  return { type: 'subscribe', id: message.id as string, view: message.view as string, key: key as string, ...(after === undefined ? {} : { after: after as number }) };
};

const check = (errors: readonly FieldError[]): void => {
  if (errors.length > 0) throw new InvalidInput(`the live message is invalid: ${errors.map((error) => error.field).join(', ')}`, errors);
};
