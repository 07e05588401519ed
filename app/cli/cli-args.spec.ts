import { integerFlag, parseArgs } from './cli-args';
import { urlCredentials } from '@adapter/nats/nats-credentials';

const FLAGS = [
  { name: 'server', value: '<url>', description: '' },
  { name: 'json', description: '' },
];

describe('the command line', () => {
  it('reads positionals, switches, values given both ways, -h, and everything after -- as positionals', () => {
    const args = parseArgs(['booking-board', '--server', 'nats://a:4222', '--json', '-h', '--', '--not-a-flag'], FLAGS);
    expect(args.positionals).toEqual(['booking-board', '--not-a-flag']);
    expect([...args.flags]).toEqual([
      ['server', 'nats://a:4222'],
      ['json', true],
      ['help', true],
    ]);
    expect(parseArgs(['--server=nats://b:4222'], FLAGS).flags.get('server')).toBe('nats://b:4222');
  });

  it('refuses unknown options, missing values, values on switches, and numbers that are not', () => {
    expect(() => parseArgs(['--colour'], FLAGS)).toThrow('unknown option --colour');
    expect(() => parseArgs(['--server'], FLAGS)).toThrow('--server needs a value: --server <url>');
    expect(() => parseArgs(['--json=yes'], FLAGS)).toThrow('--json takes no value');
    expect(() => integerFlag(parseArgs(['--server', 'x'], FLAGS), 'server', 1)).toThrow('--server x: expected a whole number of at least 0');
  });

  it('takes a login out of the server URLs, as the client would read it as part of the host', () => {
    expect(urlCredentials('nats://operator:p%40ss@127.0.0.1:4222')).toEqual({
      servers: 'nats://127.0.0.1:4222',
      auth: { kind: 'password', user: 'operator', password: 'p@ss' },
    });
    expect(urlCredentials('nats://s3cret@a:4222, nats://s3cret@b:4222')).toEqual({ servers: 'nats://a:4222,nats://b:4222', auth: { kind: 'token', token: 's3cret' } });
    expect(urlCredentials('127.0.0.1:4222')).toEqual({ servers: '127.0.0.1:4222', auth: undefined });
  });
});
