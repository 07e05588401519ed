import { runOperation } from '@adapter/telemetry/operation-context';
import { JsonLogger } from './json.logger';

describe('JSON logs', () => {
  const capture = (level: 'log' | 'debug') => {
    const lines: string[] = [];
    return { lines, logger: new JsonLogger(level, (line) => lines.push(line)) };
  };
  const parsed = (lines: string[]): Record<string, unknown>[] => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('puts the fields of an object message at the top level, after level, time and context, one line each', () => {
    const { lines, logger } = capture('log');
    logger.warn({ message: 'command refused', rule: 'room-already-booked' }, 'Automation');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\{"level":"warn","time":"\d{4}-\d\d-\d\dT[\d:.]+Z","context":"Automation","message":"command refused","rule":"room-already-booked"\}\n$/);
  });

  it('drops what is below the configured level', () => {
    const { lines, logger } = capture('log');
    logger.debug({ message: 'decided' }, 'Command');
    logger.verbose('details', 'Command');
    logger.error('boom', 'Http');
    logger.log('listening', 'Main');
    expect(parsed(lines).map((line) => line.level)).toEqual(['error', 'log']);
  });

  it('names the running operation on every line written during it, and nothing outside it', async () => {
    const { lines, logger } = capture('debug');
    const trace = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 };
    await runOperation({ correlationId: 'journey-7', causationId: 'event-3', trace }, async () => {
      logger.debug({ message: 'decided', subject: 'hotel.room-day.1.2022-12-12' }, 'Command');
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.log('later, in a callback', 'Command');
    });
    logger.log('after it', 'Main');
    expect(parsed(lines)).toEqual([
      expect.objectContaining({ message: 'decided', correlationId: 'journey-7', causationId: 'event-3', traceId: trace.traceId, spanId: trace.spanId }),
      expect.objectContaining({ message: 'later, in a callback', correlationId: 'journey-7', causationId: 'event-3' }),
      { level: 'log', time: expect.any(String), context: 'Main', message: 'after it' },
    ]);
  });

  it('keeps the ids a call site passes itself', () => {
    const { lines, logger } = capture('log');
    runOperation({ correlationId: 'outer', causationId: 'outer' }, () => logger.log({ message: 'explicit', correlationId: 'inner' }, 'Live'));
    expect(parsed(lines)[0]).toMatchObject({ correlationId: 'inner', causationId: 'outer' });
  });

  it('writes the stack Nest passes with an error, and never the values of secret fields', () => {
    const { lines, logger } = capture('log');
    logger.error('request failed', 'Error: boom\n    at handler', 'ExceptionsHandler');
    logger.warn({ message: 'refused', headers: { authorization: 'Bearer s3cr3t-token-value', 'x-api-key': 'k3y-value-123456' }, password: 'hunter22' }, 'Http');
    const [error, warning] = parsed(lines);
    expect(error).toMatchObject({ level: 'error', context: 'ExceptionsHandler', message: 'request failed', stack: 'Error: boom\n    at handler' });
    expect(warning).toMatchObject({ headers: { authorization: '<redacted>', 'x-api-key': '<redacted>' }, password: '<redacted>' });
    expect(lines.join('')).not.toMatch(/s3cr3t|k3y-value|hunter22/);
  });
});
