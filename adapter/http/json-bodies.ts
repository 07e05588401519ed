import { HttpException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { parseStrictJson } from '@adapter/edge/strict-json';

/** `application/json` with no parameter, or with `charset=utf-8` (RFC 8259 JSON is UTF-8). */
const JSON_PARAMETERS = /^\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?;?\s*$/i;

/**
 * Bodies are JSON and nothing else: Fastify's own parsers (and the form parser Nest would add) are replaced
 * by one for `application/json`, read as UTF-8 through `parseStrictJson`, as NATS command bodies are. A body
 * of any other type (a form, text, JSON in another charset, no type at all) is refused with `415` before
 * anything reads it, so no field of it is ever echoed.
 */
export const acceptJsonBodiesOnly = (fastify: FastifyInstance): void => {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const type = request.headers['content-type'] ?? '';
    if (!JSON_PARAMETERS.test(type.slice(type.indexOf('application/json') + 'application/json'.length))) {
      done(unsupported(), undefined);
      return;
    }
    try {
      done(null, parseStrictJson(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(unsupported(), undefined));
};

const unsupported = (): HttpException => new HttpException('request bodies must be JSON: send Content-Type: application/json (UTF-8, with no other charset)', 415);
