import { Logger } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { JsonLogger } from '@adapter/telemetry/json.logger';
import { currentOperation } from './operation-context';
import { parentContext } from './trace-context';
import { Tracing } from './tracing';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('the app tracer', () => {
  const lines: string[] = [];

  beforeAll(() => {
    Logger.overrideLogger(new JsonLogger('log', (line) => lines.push(line)));
  });
  afterAll(() => {
    Logger.overrideLogger(new JsonLogger('error'));
  });
  beforeEach(() => lines.splice(0));

  it('continues the caller\'s trace in a span of its own, and starts a new trace without a caller', () => {
    const tracing = new Tracing('none');
    const child = tracing.start('PUT /mutation/book-room', SpanKind.SERVER, parentContext({ traceparent: TRACEPARENT })).spanContext();
    expect(child.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.spanId).not.toBe('00f067aa0ba902b7');
    const fresh = tracing.start('PUT /mutation/book-room', SpanKind.SERVER).spanContext();
    expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.traceId).not.toBe(child.traceId);
  });

  it('makes without an exporter the span ids the SDK makes with one: the caller\'s trace, flags and state, or a new sampled trace', () => {
    const carriers = [{ traceparent: TRACEPARENT, tracestate: 'vendor=blue' }, { traceparent: TRACEPARENT.replace(/-01$/, '-00') }, { traceparent: 'garbage' }, {}];
    for (const carrier of carriers) {
      const [bare, recorded] = (['none', 'console'] as const).map((exporter) => new Tracing(exporter).start('GET', SpanKind.SERVER, parentContext(carrier)).spanContext());
      expect(bare?.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(bare?.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect({ flags: bare?.traceFlags, state: bare?.traceState?.serialize() }).toEqual({ flags: recorded?.traceFlags, state: recorded?.traceState?.serialize() });
      const fromCaller = carrier.traceparent?.startsWith('00-4bf92') === true;
      expect(bare?.traceId === recorded?.traceId).toBe(fromCaller);
    }
  });

  it('runs work as an operation in its span, passing on its failure', async () => {
    const tracing = new Tracing('none');
    const parent = parentContext({ traceparent: TRACEPARENT });
    const seen = await tracing.inSpan('react', SpanKind.CONSUMER, parent, { correlationId: 'c', causationId: 'e' }, () => Promise.resolve(currentOperation()));
    expect(seen).toMatchObject({ correlationId: 'c', causationId: 'e', trace: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736' } });
    await expect(tracing.inSpan('react', SpanKind.CONSUMER, parent, { correlationId: 'c', causationId: 'e' }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(lines).toEqual([]);
  });

  it('logs every finished span as JSON with the console exporter, the failed one as an error', async () => {
    const tracing = new Tracing('console');
    const parent = parentContext({ traceparent: TRACEPARENT });
    let inner: string | undefined;
    await tracing.inSpan('automation schedule-cleaning', SpanKind.CONSUMER, parent, { correlationId: 'c', causationId: 'e' }, () => {
      inner = currentOperation()?.trace?.spanId;
      return Promise.resolve();
    });
    await tracing.inSpan('failing', SpanKind.INTERNAL, parent, { correlationId: 'c', causationId: 'e' }, () => Promise.reject(new Error('boom'))).catch(() => undefined);
    await tracing.shutdown();
    const spans = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(spans).toEqual([
      expect.objectContaining({
        context: 'Trace',
        message: 'span',
        name: 'automation schedule-cleaning',
        kind: 'CONSUMER',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: inner,
        parentSpanId: '00f067aa0ba902b7',
        status: 'ok',
        durationMs: expect.any(Number),
      }),
      expect.objectContaining({ name: 'failing', status: 'error', statusMessage: 'boom' }),
    ]);
  });
});
