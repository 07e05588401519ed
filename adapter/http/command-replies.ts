import type { FastifyInstance } from 'fastify';
import { CommandReply, CORRELATION_HEADER } from '@adapter/edge/command-reply';

/**
 * A handler answers a command with a `CommandReply`, whatever its trigger. Over HTTP it becomes the
 * response's status and body, with the correlation id echoed, just before Fastify serializes it (over
 * NATS the transport writes it as the reply). A Fastify hook rather than a Nest interceptor: it costs
 * one call per response, not an observable pipeline per request.
 */
export const serveCommandReplies = (fastify: FastifyInstance): void => {
  fastify.addHook('preSerialization', (request, reply, payload, done) => {
    if (!(payload instanceof CommandReply)) {
      done(null, payload);
      return;
    }
    void reply.status(payload.status).header(CORRELATION_HEADER, request.id);
    done(null, payload.body);
  });
};
