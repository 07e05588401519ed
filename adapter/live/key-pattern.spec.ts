import { keyPatternProblem, matchesKey } from './key-pattern';

describe('live key patterns', () => {
  it.each(['1.2026-11-22', '*.2026-11-22', '1.*', '>', '1.>', '*', 'a/b=c_d'])('accepts %s', (pattern) =>
    expect(keyPatternProblem(pattern)).toBeUndefined());

  it.each(['', '1..2', '.1', '1.', '>.1', 'a b', '1.2026-11-22\n', 'a*', 'x'.repeat(257), '$KV.view-booking-board.>'])(
    'refuses %j',
    (pattern) => expect(keyPatternProblem(pattern)).toEqual(expect.any(String)),
  );

  it.each([
    ['1.2026-11-22', '1.2026-11-22', true],
    ['1.2026-11-22', '1.2026-11-23', false],
    ['*.2026-11-22', '12.2026-11-22', true],
    ['*.2026-11-22', '12.2026-11-23', false],
    ['*', '12', true],
    ['*', '12.2026-11-22', false],
    ['>', '12.2026-11-22', true],
    ['1.>', '1', false],
    ['1.>', '1.2026-11-22', true],
    ['1.2026-11-22', '1', false],
  ])('%s matches %s: %s', (pattern, key, expected) => expect(matchesKey(pattern, key)).toBe(expected));
});
