import { Logger } from '@nestjs/common';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ExportResultCode, hrTimeToMilliseconds, hrTimeToTimeStamp, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** A finished span as one JSON log line: enough to follow a trace with `grep <traceId>`. */
export const spanLogEntry = (span: ReadableSpan): Record<string, unknown> => {
  const { traceId, spanId } = span.spanContext();
  return {
    message: 'span',
    name: span.name,
    kind: SpanKind[span.kind],
    traceId,
    spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    start: hrTimeToTimeStamp(span.startTime),
    durationMs: hrTimeToMilliseconds(span.duration),
    status: span.status.code === SpanStatusCode.ERROR ? 'error' : 'ok',
    ...(span.status.message ? { statusMessage: span.status.message } : {}),
    attributes: span.attributes,
  };
};

/** `OTEL_TRACES_EXPORTER=console`: every finished span goes to the app's JSON log (context `Trace`). */
export class SpanLogExporter implements SpanExporter {
  private readonly logger = new Logger('Trace');

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    for (const span of spans) this.logger.log(spanLogEntry(span));
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
