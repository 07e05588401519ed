import type { ErrorToProblemDetailsMapping } from '@event-driven-io/emmett-expressjs';
import { ProblemDocument } from 'http-problem-details';
import { RuleViolation } from './business-logic';
import { InvalidInput } from './requests';

const problemType = (code: string): string => `https://problems.event-model.dev/${code}`;

/** What Express's body parser throws for a body that is not JSON or too large. */
const isBodyParserError = (error: Error): error is Error & { status: number; type: string } =>
  'type' in error && typeof error.type === 'string' && error.type.startsWith('entity.') && 'status' in error && typeof error.status === 'number';

/** Errors as RFC 9457 problems, shaped like the main app's; anything else gets Emmett's default mapping. */
export const toProblem: ErrorToProblemDetailsMapping = (error) => {
  if (error instanceof RuleViolation) {
    return new ProblemDocument({ type: problemType(error.rule), title: 'Rule violation', status: 409, detail: error.message }, { rule: error.rule });
  }
  if (error instanceof InvalidInput) {
    return new ProblemDocument({ type: problemType('invalid-input'), title: 'Invalid input', status: 400, detail: error.message }, { errors: error.errors });
  }
  if (isBodyParserError(error)) {
    return new ProblemDocument({ type: problemType('invalid-input'), title: 'Invalid input', status: error.status, detail: error.message });
  }
  return undefined;
};
