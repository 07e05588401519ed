import { JsonLogger } from './json.logger';

describe('JSON logs', () => {
  const capture = (level: 'log' | 'debug') => {
    const lines: string[] = [];
    return { lines, logger: new JsonLogger(level, (line) => lines.push(line)) };
  };

  it('puts the fields of an object message at the top level, with level, time and context', () => {
    const { lines, logger } = capture('log');
    logger.warn({ message: 'command refused', correlationId: 'c-1' }, 'Automation');
    expect(JSON.parse(lines[0] ?? '')).toEqual({ level: 'warn', time: expect.any(String), context: 'Automation', message: 'command refused', correlationId: 'c-1' });
  });

  it('drops what is below the configured level', () => {
    const { lines, logger } = capture('log');
    logger.debug({ message: 'decided' }, 'Command');
    logger.error('boom', 'Http');
    expect(lines.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual(['error']);
  });
});
