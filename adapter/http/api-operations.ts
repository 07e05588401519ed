import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiQuery, ApiSecurity } from '@nestjs/swagger';
import type { ApiPropertyOptions, SchemaObject } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN, MAX_YEAR, MIN_YEAR } from '@libs/ids/entity-id';
import { CORRELATION_HEADER } from '@adapter/edge/command-reply';
import { ApiProblems } from './problem.responses';

export type { SchemaObject };

/** The names of the security schemes of the OpenAPI document: the same tokens, as a bearer token or as `X-API-Key`. */
export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'api-key';

/** An id as requests send it: a token of letters, digits, `_` and `-`, or a non-negative integer written as one (`7`, never `7.0` or `7e0`) for its decimal token. */
export const ENTITY_ID_PROPERTY: ApiPropertyOptions = {
  oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: ENTITY_ID_PATTERN.source }],
  example: 1,
};
/** An id as the views answer it, and as paths take it: its token. */
export const ENTITY_TOKEN_SCHEMA: SchemaObject = { type: 'string', pattern: ENTITY_ID_PATTERN.source, example: '1' };
const DATE_DESCRIPTION = `A calendar date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}`;
export const DATE_SCHEMA: SchemaObject = { type: 'string', format: 'date', description: DATE_DESCRIPTION, example: '2022-12-12' };
export const DATE_PROPERTY: ApiPropertyOptions = { type: 'string', format: 'date', description: DATE_DESCRIPTION, example: '2022-12-12' };

/** Where a decision's events were stored: the body of every 201, the same again for a retry. */
export class StoredDecisionBody {
  @ApiProperty({ description: 'The id of the first event (CloudEvents `id`)', format: 'uuid' })
  readonly eventId!: string;

  @ApiProperty({ description: 'The ids of every event of the decision, in order', type: [String] })
  readonly eventIds!: string[];

  @ApiProperty({ example: 'HOTEL' })
  readonly stream!: string;

  @ApiProperty({ description: 'The entity\'s subject', example: 'hotel.room-day.1.2022-12-12' })
  readonly subject!: string;

  @ApiProperty({ description: 'The stream sequence of the stored message; `GET /query/...?sequence=N` reads one\'s own write', example: 6 })
  readonly sequence!: number;
}

const correlationHeader = { description: 'Echoed in the response, stored in the events (`correlationid`) and logged', required: false };

/** What a command taken for later work answers instead of where its events are: 202 and this body (a tracking id). */
export interface AcceptedAnswer {
  readonly description: string;
  readonly schema: SchemaObject;
}

/**
 * A `PUT /mutation/*` route: the body is its input class, 201 says where the events are (or, for a command that
 * queues work, 202 with what `accepted` says), refusals are problem details.
 */
export const ApiCommand = (summary: string, rules: readonly string[], accepted?: AcceptedAnswer): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiHeader({ name: CORRELATION_HEADER, ...correlationHeader }),
    ApiBearerAuth(BEARER_SCHEME),
    ApiSecurity(API_KEY_SCHEME),
    accepted
      ? ApiAcceptedResponse({ schema: accepted.schema, description: accepted.description, headers: { [CORRELATION_HEADER]: { schema: { type: 'string' }, description: correlationHeader.description } } })
      : ApiCreatedResponse({
          type: StoredDecisionBody,
          description: 'Decided and stored, or already satisfied by an earlier identical command (the same answer again).',
          headers: { [CORRELATION_HEADER]: { schema: { type: 'string' }, description: correlationHeader.description } },
        }),
    ApiProblems([400, 401, 409, 413, 415, 429, 503], rules.length > 0 ? { 409: `Rules: ${rules.map((rule) => `\`${rule}\``).join(', ')}.` } : {}),
  );

/** A view's document as a query answers it: the document, the stream sequence it includes, and when it last changed. */
export const viewAnswerSchema = (view: SchemaObject): SchemaObject => ({
  type: 'object',
  required: ['view', 'position', 'updatedAt'],
  properties: {
    view,
    position: { type: 'integer', description: 'The last stream sequence applied to this document' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
});

/** A `GET /query/*` route answering a document of its own (not a view's `{view, position}`): its answer and its problems, 401 and 429 among them. */
export const ApiDocumentQuery = (summary: string, answer: SchemaObject, params: Readonly<Record<string, SchemaObject>>, problems: readonly number[]): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiBearerAuth(BEARER_SCHEME),
    ApiSecurity(API_KEY_SCHEME),
    ...Object.entries(params).map(([name, schema]) => ApiParam({ name, schema })),
    ApiOkResponse({ schema: answer }),
    ApiProblems([...new Set([401, 429, 503, ...problems])].sort((left, right) => left - right)),
  );

/** A `GET /query/*` route on a view: its path parameters, `?sequence=N` when it reads one's own writes, its answer and problems. */
export const ApiView = (summary: string, answer: SchemaObject, params: Readonly<Record<string, SchemaObject>>, waits = true): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiBearerAuth(BEARER_SCHEME),
    ApiSecurity(API_KEY_SCHEME),
    ...Object.entries(params).map(([name, schema]) => ApiParam({ name, schema })),
    ...(waits
      ? [ApiQuery({ name: 'sequence', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Wait (up to QUERY_WAIT_MS) until the view includes this stream sequence' })]
      : []),
    ApiOkResponse({ schema: answer }),
    ApiProblems(waits ? [400, 401, 404, 429, 503, 504] : [401, 429, 503]),
  );
