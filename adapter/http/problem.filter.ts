import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem, PROBLEM_CONTENT_TYPE, type Problem } from './problem';

/** Every error leaves the HTTP API as `application/problem+json`, without stack traces. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = error instanceof HttpException ? fromHttpException(error) : fromFastifyError(error) ?? toProblem(error);
    const entry = { message: 'request failed', correlationId: request.id, url: request.url, status: problem.status, error: describe(error) };
    if (problem.status === 503 || problem.status === 504) this.logger.warn(entry);
    else if (problem.status >= 500) this.logger.error(entry);
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send({ ...problem, instance: request.url });
  }
}

const fromHttpException = (error: HttpException): Problem => ({
  type: 'about:blank',
  title: STATUS_CODES[error.getStatus()] ?? 'Error',
  status: error.getStatus(),
  detail: error.message,
});

/** Fastify's own refusals: unparsable JSON, a body too large, an unsupported media type. */
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

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
