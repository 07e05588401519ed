import { isSpanContextValid, ROOT_CONTEXT, trace, type Context, type SpanContext } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** The W3C trace context headers: on HTTP requests, NATS messages, and as CloudEvents attributes. */
export type TraceHeaders = { readonly traceparent: string; readonly tracestate?: string };

/** Where trace headers are read from: HTTP headers (lower case), NATS headers or CloudEvents attributes, as plain values. */
export type TraceCarrier = Readonly<Record<string, string | string[] | undefined>>;

const propagator = new W3CTraceContextPropagator();

const getter = {
  get: (carrier: TraceCarrier, key: string): string | string[] | undefined => carrier[key],
  keys: (carrier: TraceCarrier): string[] => Object.keys(carrier),
};

const setter = {
  set: (carrier: Record<string, string>, key: string, value: string): void => {
    carrier[key] = value;
  },
};

/**
 * The context of the remote span a carrier names (its `traceparent`, and `tracestate` if any), to
 * continue its trace; the empty root context, which starts a new trace, when it names none or a
 * malformed one.
 */
export const parentContext = (carrier: TraceCarrier): Context => propagator.extract(ROOT_CONTEXT, carrier, getter);

/** The remote span a carrier names, or undefined. */
export const remoteSpan = (carrier: TraceCarrier): SpanContext | undefined => trace.getSpanContext(parentContext(carrier));

/** The headers that make a receiver continue the trace of `span`; undefined for an invalid span context. */
export const traceHeaders = (span: SpanContext | undefined): TraceHeaders | undefined => {
  if (span === undefined || !isSpanContextValid(span)) return undefined;
  const carrier: Record<string, string> = {};
  propagator.inject(trace.setSpanContext(ROOT_CONTEXT, span), carrier, setter);
  const { traceparent, tracestate } = carrier;
  if (traceparent === undefined) return undefined;
  return tracestate ? { traceparent, tracestate } : { traceparent };
};

