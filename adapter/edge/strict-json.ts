import { InvalidInput, type FieldError } from '@libs/errors/domain-error';

/** Where a body's JSON findings travel from the parser to `validateInput`: a symbol, so no field can carry it. */
const FINDINGS = Symbol('json findings');

type Frame = { readonly kind: 'object'; readonly keys: Set<string>; key: string } | { readonly kind: 'array'; index: number };

/**
 * Parses a command's body, HTTP or NATS, as JSON that means one thing only. `JSON.parse` keeps the last of
 * two equal keys and reads `1.0` and `2e0` as 1 and 2, so a screen or a reader could see another body than
 * the one decided on. Here a key written twice in one object (after unescaping: `"a"` and `"\u0061"` are
 * one key) and an integer written with a fraction or an exponent (`1.0`, `2e0`, `-0`) are findings, each
 * naming its field; they are kept on the parsed body and refused by `validateInput` with the validator's
 * own findings. Text that is not JSON is refused at once.
 */
export const parseStrictJson = (text: string): unknown => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidInput('the request body is not valid JSON', [{ field: '', messages: ['must be valid JSON'] }]);
  }
  const findings = scan(text);
  if (findings.length > 0 && typeof body === 'object' && body !== null) Object.defineProperty(body, FINDINGS, { value: findings, enumerable: false });
  return body;
};

/** What `parseStrictJson` found wrong with a body it parsed; none for any other value. */
export const jsonFindings = (body: unknown): readonly FieldError[] =>
  typeof body === 'object' && body !== null ? ((body as { [FINDINGS]?: readonly FieldError[] })[FINDINGS] ?? []) : [];

/** Walks text `JSON.parse` accepted, once, keeping the path to the value being read. */
const scan = (text: string): FieldError[] => {
  const findings: FieldError[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  const path = (): string => stack.map((frame) => (frame.kind === 'object' ? frame.key : String(frame.index))).filter(Boolean).join('.');
  for (let at = 0; at < text.length; ) {
    const char = text[at];
    const top = stack[stack.length - 1];
    if (char === '"') {
      const end = stringEnd(text, at);
      if (expectKey && top?.kind === 'object') {
        const raw = text.slice(at, end);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        top.key = key;
        if (top.keys.has(key)) findings.push(duplicate(path()));
        top.keys.add(key);
        expectKey = false;
      }
      at = end;
      continue;
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      let end = at + 1;
      while (end < text.length && /[0-9eE.+-]/.test(text[end] ?? '')) end++;
      const literal = text.slice(at, end);
      if (Number.isInteger(Number(literal)) && (/[.eE]/.test(literal) || literal === '-0')) findings.push(uncanonical(path(), literal));
      at = end;
      continue;
    }
    if (char === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: '' });
      expectKey = true;
    } else if (char === '[') {
      stack.push({ kind: 'array', index: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      if (top?.kind === 'object') expectKey = true;
      else if (top) top.index++;
    }
    at++;
  }
  return findings;
};

/** The index just after the string literal opening at `start`. */
const stringEnd = (text: string, start: number): number => {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  return at + 1;
};

const duplicate = (field: string): FieldError => ({ field, messages: [`${field || 'a key'} appears more than once in its object: each key may be given once`] });

const uncanonical = (field: string, literal: string): FieldError => ({
  field,
  messages: [`${field || 'the number'} is written ${literal}: an integer must be written without a fraction, an exponent or a minus zero (${String(Number(literal))})`],
});
