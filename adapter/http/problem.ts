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

const problemType = (code: string): string => `https://problems.event-model.dev/${code}`;

const titleOf = (code: string): string => {
  const words = code.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The one place where errors become problem details, for HTTP and for NATS replies alike. */
export const toProblem = (error: unknown): Problem => {
  if (error instanceof RuleViolation) {
    return {
      type: problemType(error.code),
      title: titleOf(error.code),
      status: 409,
      detail: error.message,
      rule: error.code,
      ...error.details,
    };
  }
  if (error instanceof InvalidInput) {
    return { type: problemType(error.code), title: 'Invalid input', status: 400, detail: error.message, errors: error.errors };
  }
  if (error instanceof DomainError) {
    return { type: problemType(error.code), title: titleOf(error.code), status: statusOf(error), detail: error.message };
  }
  return {
    type: problemType('internal-error'),
    title: 'Internal error',
    status: 500,
    detail: 'the request failed unexpectedly; it is logged with its correlation id',
  };
};

const statusOf = (error: DomainError): number => {
  if (error instanceof Unauthorized) return 401;
  if (error instanceof ConcurrencyConflict) return 409;
  if (error instanceof NotFound) return 404;
  if (error instanceof ServiceUnavailable) return 503;
  if (error instanceof ConsistencyTimeout) return 504;
  return 500;
};
