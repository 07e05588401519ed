import { isSpanContextValid, ROOT_CONTEXT, SpanStatusCode, trace, TraceFlags, type Attributes, type Context, type Span, type SpanKind, type Tracer } from '@opentelemetry/api';
import { BasicTracerProvider, RandomIdGenerator, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { runOperation, type Operation } from './operation-context';
import { SpanLogExporter } from './span-log.exporter';

/** Where finished spans go (`OTEL_TRACES_EXPORTER`): nowhere (trace context is still carried), or logged as JSON lines. */
export type TracesExporter = 'none' | 'console';

/**
 * The app's tracer (one per app, never the process-wide global, so apps in one process stay apart).
 * Every hop gets a span id of its own and the trace id travels on. With the exporter `none`, nothing
 * records spans, so a hop's span is only its ids, made as the SDK would make them (a caller's trace id,
 * flags and state, a new span id; a new sampled trace without a caller), at no further cost.
 */
export class Tracing {
  private readonly provider: BasicTracerProvider;
  private readonly tracer: Tracer;
  private readonly ids = new RandomIdGenerator();

  constructor(private readonly exporter: TracesExporter) {
    this.provider = new BasicTracerProvider({ spanProcessors: exporter === 'console' ? [new SimpleSpanProcessor(new SpanLogExporter())] : [] });
    this.tracer = this.provider.getTracer('event-model');
  }

  /** A span continuing the trace of `parent` (see `parentContext`), or starting a new one from the root context. */
  start(name: string, kind: SpanKind, parent: Context = ROOT_CONTEXT, attributes?: Attributes): Span {
    if (this.exporter !== 'none') return this.tracer.startSpan(name, { kind, attributes }, parent);
    const caller = trace.getSpanContext(parent);
    const continued = caller !== undefined && isSpanContextValid(caller);
    return trace.wrapSpanContext({
      traceId: continued ? caller.traceId : this.ids.generateTraceId(),
      spanId: this.ids.generateSpanId(),
      traceFlags: continued ? caller.traceFlags : TraceFlags.SAMPLED,
      traceState: continued ? caller.traceState : undefined,
    });
  }

  /**
   * Runs `work` in a span of its own, as an operation with the given ids: its logs name them, and
   * what it publishes carries the span. A failure marks the span as an error and is passed on.
   */
  async inSpan<T>(name: string, kind: SpanKind, parent: Context, ids: Omit<Operation, 'trace'>, work: () => Promise<T>): Promise<T> {
    const span = this.start(name, kind, parent);
    try {
      return await runOperation({ ...ids, trace: span.spanContext() }, work);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  }

  /** Exports what is still buffered; at shutdown. */
  async shutdown(): Promise<void> {
    await this.provider.shutdown();
  }
}
