import { Logger } from '@nestjs/common';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import { JsonLogger } from '@adapter/telemetry/json.logger';
import type { ViewDocuments } from './view-documents';
import { ViewWriter } from './view-writer';

type Counted = Message<'Counted', { key: string }>;

const counter: Projection<Counted, number> = { name: 'counter', keyOf: (event) => event.data.key, evolve: (count) => (count ?? 0) + 1 };

const recorded = (key: string, sequence: number, correlationId: string): RecordedEvent<Counted> => ({
  event: { type: 'Counted', data: { key } },
  metadata: { id: `event-${sequence}`, stream: 'HOTEL', subject: `hotel.${key}`, sequence, time: '2032-01-01T00:00:00.000Z', correlationId, causationId: 'cause' },
});

describe('a view writer\'s logs', () => {
  const lines: Record<string, unknown>[] = [];

  beforeAll(() => {
    Logger.overrideLogger(new JsonLogger('log', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)));
  });

  afterAll(() => {
    Logger.overrideLogger(new JsonLogger('error'));
  });

  it('name the journey of the events being applied, with the key\'s last event as their cause', async () => {
    const failures = new Map([['a', 1], ['b', 1]]);
    const writes: [string, string][] = [];
    const bucket = {
      write: (key: string, value: string) => {
        const left = failures.get(key) ?? 0;
        failures.set(key, left - 1);
        if (left > 0) return Promise.reject(new Error('KV timeout'));
        writes.push([key, value]);
        return Promise.resolve(1);
      },
      get: () => Promise.resolve(null),
    } as unknown as ViewDocuments;
    const writer = new ViewWriter(counter, new Logger('Projection counter'), () => true);
    await writer.apply(bucket, [recorded('a', 1, 'journey-a'), recorded('b', 2, 'journey-b'), recorded('a', 3, 'journey-a')]);
    expect(writes.map(([key, value]) => [key, (JSON.parse(value) as { view: number }).view])).toEqual(expect.arrayContaining([['a', 2], ['b', 1]]));
    const retries = lines.filter((line) => line.message === 'view write failed, retrying');
    expect(retries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ context: 'Projection counter', key: 'a', correlationId: 'journey-a', causationId: 'event-3' }),
        expect.objectContaining({ context: 'Projection counter', key: 'b', correlationId: 'journey-b', causationId: 'event-2' }),
      ]),
    );
    expect(retries).toHaveLength(2);
  });
});
