import {
  ConcurrencyConflict,
  ConsistencyTimeout,
  DomainError,
  InvalidInput,
  NotFound,
  RuleViolation,
  ServiceUnavailable,
  Unauthorized,
} from '@libs/errors/domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with the broken rule or the failing fields where there are some. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly rule?: string;
  readonly errors?: readonly { field: string; messages: readonly string[] }[];
  readonly [extension: string]: unknown;
}

export const problemType = (code: string): string => `https://problems.event-model.dev/${code}`;

const titleOf = (code: string): string => {
  const words = code.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The one place where errors become problem details, for HTTP and for NATS replies alike. */
export const toProblem = (error: unknown): Problem => {
  if (error instanceof RuleViolation) {
    // The rule's details first: a detail named like a field of the problem (`status`, say) never replaces it.
    return {
      ...error.details,
      type: problemType(error.code),
      title: titleOf(error.code),
      status: 409,
      detail: error.message,
      rule: error.code,
    };
  }
  if (error instanceof InvalidInput) {
    return { type: problemType(error.code), title: 'Invalid input', status: 400, detail: error.message, errors: error.errors };
  }
  if (error instanceof DomainError) {
    return { type: problemType(error.code), title: titleOf(error.code), status: statusOf(error), detail: error.message };
  }
  return internalProblem;
};

/** What an unexpected failure tells the client: nothing about the failure but that it is logged with its correlation id. */
export const internalProblem: Problem = {
  type: problemType('internal-error'),
  title: 'Internal error',
  status: 500,
  detail: 'internal error; it is logged with the correlation id of this request',
};

const statusOf = (error: DomainError): number => {
  if (error instanceof Unauthorized) return 401;
  if (error instanceof ConcurrencyConflict) return 409;
  if (error instanceof NotFound) return 404;
  if (error instanceof ServiceUnavailable) return 503;
  if (error instanceof ConsistencyTimeout) return 504;
  return 500;
};

/** A body over the configured limit (`BODY_LIMIT_BYTES`): what NATS commands answer, as Fastify does over HTTP. */
export const payloadTooLarge = (limitBytes: number): Problem => ({
  type: problemType('payload-too-large'),
  title: 'Payload too large',
  status: 413,
  detail: `the request body is larger than ${limitBytes} bytes (BODY_LIMIT_BYTES)`,
});

/** What `GET /ready` answers when the app cannot serve yet: the checks that failed, each with why. */
export const notReady = (failing: readonly { name: string; detail: string }[]): Problem => ({
  type: problemType('not-ready'),
  title: 'Not ready',
  status: 503,
  detail: `not ready: ${failing.map(({ name, detail }) => `${name} (${detail})`).join('; ')}`,
  notReady: failing.map(({ name }) => name),
});
