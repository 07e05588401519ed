import { AsyncLocalStorage } from 'node:async_hooks';
import type { SpanContext } from '@opentelemetry/api';
import type { EventMetadata } from '@libs/decider/decider';

/**
 * The piece of work that is running: an HTTP request, a NATS command, an automation reacting to an
 * event, a view applying events. Every log line written during it names it, and every event it
 * stores carries its trace, without any call site passing them along.
 */
export interface Operation {
  /** The business journey it belongs to: the `x-correlation-id` of the request that started it. */
  readonly correlationId: string;
  /** What directly caused it: the request itself, or the event an automation or a view reacts to. */
  readonly causationId: string;
  /** The span it runs in; its trace goes with what it publishes (`traceparent`). */
  readonly trace?: SpanContext;
}

const operations = new AsyncLocalStorage<Operation>();

/** Runs `work` as `operation`: what it does, synchronously or later in its promises and callbacks, belongs to it. */
export const runOperation = <T>(operation: Operation, work: () => T): T => operations.run(operation, work);

/** The operation running right now, if any. */
export const currentOperation = (): Operation | undefined => operations.getStore();

/** The operation's fields as they appear in log lines. */
export const operationLogFields = (operation: Operation | undefined): Record<string, string> | undefined => {
  if (operation === undefined) return undefined;
  const { correlationId, causationId, trace } = operation;
  return trace === undefined ? { correlationId, causationId } : { correlationId, causationId, traceId: trace.traceId, spanId: trace.spanId };
};

/** The work an event causes (an automation's command, a view's update): in the event's journey, caused by the event. */
export const causedBy = (event: EventMetadata): Operation => ({ correlationId: event.correlationId, causationId: event.id });
