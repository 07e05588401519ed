/**
 * Whether `subject` is matched by `filter`, as NATS matches them: dot-separated tokens, `*` for any one
 * token, `>` (last) for one or more. View keys follow the same rule, since a key pattern becomes the
 * filter subject of a KV watch.
 */
export const matchesSubject = (filter: string, subject: string): boolean => {
  const wanted = filter.split('.');
  const tokens = subject.split('.');
  for (const [index, token] of wanted.entries()) {
    if (token === '>') return tokens.length > index;
    const actual = tokens[index];
    if (actual === undefined || (token !== '*' && token !== actual)) return false;
  }
  return tokens.length === wanted.length;
};
