import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { outcomeOf, type AppMetrics, type CommandTrigger } from './app-metrics';
import type { Operation } from './operation-context';
import { parentContext, type TraceCarrier } from './trace-context';
import type { Tracing } from './tracing';

/** One command as its trigger received it: what it is called, where it came from, and whose trace and journey it continues. */
export interface CommandCall {
  /** The command's name in the metrics: the HTTP path's or NATS subject's last token, or the automation's slice. */
  readonly command: string;
  readonly trigger: CommandTrigger;
  /** The span's name: `PUT /mutation/book-room`, `command book-room`, `automation schedule-cleaning`. */
  readonly span: string;
  /** Where the caller's trace context is read from: request headers, message headers, or the causing event. */
  readonly parent: TraceCarrier;
  readonly correlationId: string;
  readonly causationId: string;
  readonly attributes?: Attributes;
}

/** A command being answered: the operation it runs as, and how it ends. */
export interface CommandInFlight {
  /** Its ids and span: every log line written while it runs names them, and what it stores carries the span. */
  readonly operation: Operation;
  /** Ends its span (an error from 500 up) and counts it, by the status it was answered with, in `command_duration_seconds`. */
  end(status: number): void;
}

/**
 * What every command gets, whatever its trigger (HTTP, NATS request/reply, an automation): a span of its
 * own continuing its caller's trace, an operation carrying its correlation id into every log line, and its
 * duration and outcome counted once it is answered. Each trigger calls `begin` where the command arrives and
 * `end` where its answer leaves, so that refusals before any handler runs (a guard, a body too large) count too.
 */
export class CommandTelemetry {
  constructor(
    private readonly tracing: Tracing,
    private readonly metrics: AppMetrics,
  ) {}

  begin(call: CommandCall): CommandInFlight {
    const started = performance.now();
    const kind = call.trigger === 'http' || call.trigger === 'nats' ? SpanKind.SERVER : SpanKind.CONSUMER;
    const span = this.tracing.start(call.span, kind, parentContext(call.parent), call.attributes);
    const operation: Operation = { correlationId: call.correlationId, causationId: call.causationId, trace: span.spanContext() };
    return {
      operation,
      end: (status) => {
        span.setAttribute(call.trigger === 'http' ? 'http.response.status_code' : 'rpc.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        this.metrics.commandAnswered(call.command, call.trigger, outcomeOf(status), (performance.now() - started) / 1_000);
      },
    };
  }
}
