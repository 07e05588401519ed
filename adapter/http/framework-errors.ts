import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@adapter/edge/problem';

const logger = new Logger('Http');

/** A refusal of the request as a whole; a `400` names the request itself as its failing field, as the app's other `400`s do. */
const problemOf = (status: number, detail: string): Problem => ({
  type: 'about:blank',
  title: STATUS_CODES[status] ?? 'Error',
  status,
  detail,
  ...(status === 400 ? { errors: [{ field: '', messages: [detail] }] } : {}),
});

/**
 * What Fastify refuses before any route or hook runs (a URL that does not decode, `/%c0`; a parameter too
 * long), as problem details with the request's correlation id, like every other error of the app.
 */
export const frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
  const status = error.statusCode ?? 400;
  const detail = error.code === 'FST_ERR_BAD_URL' ? 'the URL is not valid: a percent-encoded part does not decode' : 'the request cannot be routed';
  logger.warn({ message: 'request refused before routing', correlationId: request.id, status, code: error.code });
  void reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ ...problemOf(status, detail), correlationId: request.id });
};

/**
 * What Node's HTTP parser refuses before Fastify sees a request: headers over the size limit (`431`), a
 * request line or header that does not parse (`400`), a request too slow to arrive (`408`). It is answered
 * on the socket, which is then closed, as problem details with a correlation id of its own, also logged.
 */
export const clientErrorHandler = (error: Error & { code?: string }, socket: Socket): void => {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431 ? 'the request headers are larger than this server accepts' : status === 408 ? 'the request did not arrive in time' : 'the request is not valid HTTP';
  const correlationId = randomUUID();
  logger.warn({ message: 'malformed request refused', correlationId, status, code: error.code });
  if (socket.writable) {
    const body = JSON.stringify({ ...problemOf(status, detail), correlationId });
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
};
