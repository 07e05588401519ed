import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@adapter/edge/problem';

/** One failing field of a 400: its path in the body (`data.room.id`; `''` for the body itself) and what is wrong. */
export class FieldProblem {
  @ApiProperty({ example: 'data.date' })
  readonly field!: string;

  @ApiProperty({ type: [String], example: ['date must be a real date YYYY-MM-DD between 2000 and 2100'] })
  readonly messages!: string[];
}

/** RFC 9457 problem details, as every error of the HTTP API answers (`application/problem+json`). */
export class ProblemBody {
  @ApiProperty({ description: 'A URI naming the kind of problem', example: 'https://problems.event-model.dev/room-already-booked' })
  readonly type!: string;

  @ApiProperty({ example: 'Room already booked' })
  readonly title!: string;

  @ApiProperty({ description: 'The HTTP status, repeated', example: 409 })
  readonly status!: number;

  @ApiProperty({ example: 'room 1 is already booked on 2022-12-12' })
  readonly detail!: string;

  @ApiProperty({ description: 'The path of the request (access tokens redacted)', example: '/mutation/book-room' })
  readonly instance!: string;

  @ApiProperty({ description: 'The request\'s correlation id, as logged', example: 'guest-journey-1' })
  readonly correlationId!: string;

  @ApiPropertyOptional({ description: 'The broken business rule (409 of a rule)', example: 'room-already-booked' })
  readonly rule?: string;

  @ApiPropertyOptional({ description: 'The failing fields (400)', type: [FieldProblem] })
  readonly errors?: FieldProblem[];
}

/** What each status means wherever it is answered; a route may add its own words (its rules, say). */
const MEANINGS: Record<number, string> = {
  400: 'Invalid input: malformed JSON, a key given twice, an integer written with a fraction or an exponent, wrong types, unknown fields, impossible dates or ids, too deep or too wide; `errors` names every failing field. Nothing is written.',
  401: 'Credentials missing, wrong or conflicting (only when AUTH_TOKENS is set; queries not with PUBLIC_READS=true): send one token, as `Authorization: Bearer <token>` or `X-API-Key`.',
  404: 'Nothing under that key in the view.',
  409: 'A business rule refuses the command (`rule` names it), or it met concurrent writes COMMAND_ATTEMPTS times (`concurrent-modification`).',
  413: 'The body is larger than BODY_LIMIT_BYTES.',
  415: 'The body is not `application/json` (UTF-8, with no other charset).',
  429: 'Too many requests from this client in the window; `Retry-After` says when to try again.',
  503: 'NATS is unreachable; the app reconnects by itself, retry in a moment.',
  504: 'The view did not reach `?sequence=N` within QUERY_WAIT_MS.',
};

/** The problem details a route may answer, documented once: `application/problem+json` with `ProblemBody`, per status. */
export const ApiProblems = (statuses: readonly number[], details: Readonly<Record<number, string>> = {}): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(ProblemBody, FieldProblem),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: [MEANINGS[status], details[status]].filter(Boolean).join(' '),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemBody) } } },
      }),
    ),
  );
