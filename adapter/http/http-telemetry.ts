import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CommandInFlight, CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { runOperation, type Operation } from '@adapter/telemetry/operation-context';

/**
 * Makes every HTTP request an operation named by its correlation id (Fastify's request id), so every
 * log line written while it is served names it. A command (`PUT`) is a command to `CommandTelemetry`:
 * a server span continuing the caller's `traceparent`, which the events it stores carry on, and its
 * duration and outcome counted when it is answered, whatever answered it (validation, a guard, the decision).
 */
export const instrumentHttp = (fastify: FastifyInstance, telemetry: CommandTelemetry): void => {
  const requests = new WeakMap<FastifyRequest, { operation: Operation; command?: CommandInFlight }>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url;
    const command =
      request.method === 'PUT' && route !== undefined
        ? telemetry.begin({
            command: route.slice(route.lastIndexOf('/') + 1),
            trigger: 'http',
            span: `PUT ${route}`,
            parent: request.headers,
            correlationId: request.id,
            causationId: request.id,
            attributes: { 'http.route': route },
          })
        : undefined;
    const operation: Operation = command?.operation ?? { correlationId: request.id, causationId: request.id };
    requests.set(request, { operation, command });
    runOperation(operation, () => done());
  });
  // The body arrives in callbacks of the socket, outside the request's async context: enter it again before validation and the handler.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const inFlight = requests.get(request);
    if (inFlight) runOperation(inFlight.operation, () => done());
    else done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    requests.get(request)?.command?.end(reply.statusCode);
    done();
  });
};
