import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { outcomeOf, type AppMetrics } from '@adapter/telemetry/app-metrics';
import { runOperation, type Operation } from '@adapter/telemetry/operation-context';
import { parentContext } from '@adapter/telemetry/trace-context';
import type { Tracing } from '@adapter/telemetry/tracing';

interface InFlight {
  readonly operation: Operation;
  /** The command a mutation (`PUT`) sends: its route's last segment; undefined for every other request. */
  readonly command?: string;
  readonly span?: Span;
}

/**
 * Makes every HTTP request an operation named by its correlation id (Fastify's request id), so every
 * log line written while it is served names it. A command (`PUT`) also gets a server span, continuing
 * the caller's `traceparent` or starting a trace, which the events it stores carry on; its duration and
 * outcome are counted when it is answered, whatever answered it (validation, a guard, the decision).
 */
export const instrumentHttp = (fastify: FastifyInstance, tracing: Tracing, metrics: AppMetrics): void => {
  const requests = new WeakMap<FastifyRequest, InFlight>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url;
    const command = request.method === 'PUT' && route !== undefined ? route.slice(route.lastIndexOf('/') + 1) : undefined;
    const span = command === undefined ? undefined : tracing.start(`PUT ${route}`, SpanKind.SERVER, parentContext(request.headers), { 'http.route': route });
    const operation: Operation = { correlationId: request.id, causationId: request.id, trace: span?.spanContext() };
    requests.set(request, { operation, command, span });
    runOperation(operation, () => done());
  });
  // The body arrives in callbacks of the socket, outside the request's async context: enter it again before validation and the handler.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const inFlight = requests.get(request);
    if (inFlight) runOperation(inFlight.operation, () => done());
    else done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const inFlight = requests.get(request);
    if (inFlight?.command !== undefined) metrics.commandAnswered(inFlight.command, 'http', outcomeOf(reply.statusCode), reply.elapsedTime / 1_000);
    if (inFlight?.span) {
      inFlight.span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) inFlight.span.setStatus({ code: SpanStatusCode.ERROR });
      inFlight.span.end();
    }
    done();
  });
};
