import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '@libs/command/command-handler';
import { CORRELATION_HEADER, type CommandReply } from '@adapter/command/command-reply';

/** The request's correlation id (Fastify's request id, taken from `x-correlation-id` when sent). */
export const commandContext = (request: FastifyRequest): CommandContext => ({
  correlationId: request.id,
  causationId: request.id,
});

/** Sends a command's reply with its status, echoing the correlation id. */
export const sendReply = (reply: FastifyReply, request: FastifyRequest, answer: CommandReply): unknown => {
  void reply.status(answer.status).header(CORRELATION_HEADER, request.id);
  return answer.body;
};
