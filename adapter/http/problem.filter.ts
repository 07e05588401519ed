import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { internalProblem, problemType, toProblem, PROBLEM_CONTENT_TYPE, type Problem } from './problem';
import { redactUrl } from './redact';

/**
 * Every error leaves the HTTP API as `application/problem+json` with the request's correlation id.
 * A 5xx other than 503/504 says only "internal error": the message and stack go to the log, never to the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const answered = error instanceof HttpException ? fromHttpException(error) : (fromFastifyError(error) ?? toProblem(error));
    const internal = answered.status >= 500 && answered.status !== 503 && answered.status !== 504;
    const problem = internal ? internalProblem : withBodyField(answered);
    const url = redactUrl(request.url);
    const entry = { message: 'request failed', correlationId: request.id, method: request.method, url, status: problem.status, error: describe(error) };
    if (internal) this.logger.error({ ...entry, stack: error instanceof Error ? error.stack : undefined });
    else if (problem.status >= 500) this.logger.warn(entry);
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...problem, instance: url, correlationId: request.id });
  }
}

const fromHttpException = (error: HttpException): Problem => {
  const status = error.getStatus();
  return {
    type: status === 429 ? problemType('too-many-requests') : 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: error.message,
  };
};

/** Fastify's own refusals: unparsable JSON, a body too large, an unsupported media type. Their messages name no internals. */
const fromFastifyError = (error: unknown): Problem | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, code, message } = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  return {
    type: 'about:blank',
    title: STATUS_CODES[statusCode] ?? 'Bad request',
    status: statusCode,
    detail: typeof message === 'string' ? message : code,
  };
};

/** Every 400 names its failing fields; one that names none (an unparsable body, say) is about the body itself, field `''`. */
const withBodyField = (problem: Problem): Problem =>
  problem.status === 400 && problem.errors === undefined ? { ...problem, errors: [{ field: '', messages: [problem.detail] }] } : problem;

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
