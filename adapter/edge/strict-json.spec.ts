import { InvalidInput } from '@libs/errors/domain-error';
import { jsonFindings, parseStrictJson } from './strict-json';

const fields = (text: string): string[] => jsonFindings(parseStrictJson(text)).map(({ field }) => field);

describe('strict JSON of command bodies', () => {
  it('names a key given twice in one object, at any depth, however it is escaped', () => {
    expect(fields('{"data":{"room":{"id":"*"}},"data":{"room":{"id":1}}}')).toEqual(['data']);
    expect(fields('{"a":{"b":[1,{"c":1,"c":2}]}}')).toEqual(['a.b.1.c']);
    expect(fields('{"a":1,"\\u0061":2}')).toEqual(['a']);
  });

  it('names integers written with a fraction, an exponent or a minus zero', () => {
    expect(fields('{"x":1.0,"y":[2e0,-0,3,1.5,1E2,0],"z":1e+21}')).toEqual(['x', 'y.0', 'y.1', 'y.4', 'z']);
  });

  it('finds nothing in keys and numbers inside strings, nor in equal keys of different objects', () => {
    expect(fields('{"s":"a\\"b","t":"{\\"k\\":1.0,\\"k\\":2}","o":{"k":1},"p":{"k":1},"q":[{"k":1},{"k":2}]}')).toEqual([]);
    expect(fields('{}')).toEqual([]);
  });

  it('refuses text that is not JSON, naming the body', () => {
    expect(() => parseStrictJson('{"a":')).toThrow(InvalidInput);
  });
});
