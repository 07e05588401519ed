import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { of, type Observable } from 'rxjs';
import { CommandReply } from './command-reply';
import { internalProblem, problemType, toProblem, PROBLEM_CONTENT_TYPE, type Problem } from './problem';
import { redactUrl } from './redact';

/** What a NATS command's handler context tells about the message it answers. */
export interface CommandMessage {
  readonly subject: string;
}

/**
 * Every error a command or query ends with leaves as problem details, whatever the trigger: over HTTP
 * as `application/problem+json` with the request's correlation id, over NATS as the reply (a
 * `CommandReply` the transport writes with its `Status` header). A 5xx other than 503/504 says only
 * "internal error": the message and stack go to the log, never to the caller.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void | Observable<CommandReply> {
    if (host.getType() === 'rpc') return of(this.reply(error, host.switchToRpc().getContext<CommandMessage>().subject));
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const answered = error instanceof HttpException ? fromHttpException(error, request.url) : (fromFastifyError(error) ?? toProblem(error));
    const problem = this.screened(answered, error, { correlationId: request.id, method: request.method, url: redactUrl(request.url) });
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...problem, instance: redactUrl(request.url), correlationId: request.id });
  }

  /** A NATS command's problem: the same details as over HTTP, as the reply's body. */
  reply(error: unknown, subject: string): CommandReply {
    const problem = this.screened(toProblem(error), error, { subject });
    return new CommandReply(problem.status, problem);
  }

  /** The problem the caller gets, logged when the app is at fault (5xx). */
  private screened(answered: Problem, error: unknown, where: Readonly<Record<string, string>>): Problem {
    const internal = answered.status >= 500 && answered.status !== 503 && answered.status !== 504;
    const problem = internal ? internalProblem : withBodyField(answered);
    const entry = { message: 'request failed', ...where, status: problem.status, error: describe(error) };
    if (internal) this.logger.error({ ...entry, stack: error instanceof Error ? error.stack : undefined });
    else if (problem.status >= 500) this.logger.warn(entry);
    return problem;
  }
}

/** Nest's own exceptions; the not-found handler's message quotes the URL, which is echoed only redacted. */
const fromHttpException = (error: HttpException, url: string): Problem => {
  const status = error.getStatus();
  return {
    type: status === 429 ? problemType('too-many-requests') : 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: error.message.split(url).join(redactUrl(url)),
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
