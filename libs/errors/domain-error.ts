/**
 * Expected failures of the domain and the runtime. Each one has a stable `code`,
 * and the edges (HTTP, NATS request/reply) map them to problem details in one place.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  protected constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A business rule from the board refused the command: nothing was written. */
export class RuleViolation extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** The input does not have the expected shape: nothing was written. */
export class InvalidInput extends DomainError {
  readonly code = 'invalid-input';

  constructor(
    message: string,
    readonly errors: readonly FieldError[],
  ) {
    super(message);
  }
}

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/** Other writers kept changing the entity while the command was decided; the client may retry. */
export class ConcurrencyConflict extends DomainError {
  readonly code = 'concurrent-modification';

  constructor(
    readonly subject: string,
    readonly attempts: number,
  ) {
    super(`${subject} changed concurrently ${attempts} times while the command was decided; retry the command`);
  }
}

/** Something that should exist does not (a view that has no entry, for example). */
export class NotFound extends DomainError {
  readonly code = 'not-found';

  constructor(message: string) {
    super(message);
  }
}

/** The event store or bus cannot be reached right now; the client may retry later. */
export class ServiceUnavailable extends DomainError {
  readonly code = 'service-unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A read could not be served as consistent as asked within the time allowed. */
export class ConsistencyTimeout extends DomainError {
  readonly code = 'view-not-caught-up';

  constructor(message: string) {
    super(message);
  }
}

/** The request needs credentials it did not carry, or carried wrong ones. */
export class Unauthorized extends DomainError {
  readonly code = 'unauthorized';

  constructor(message: string) {
    super(message);
  }
}
