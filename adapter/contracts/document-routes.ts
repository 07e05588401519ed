import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EdgeRouteConfig } from '@adapter/http/route-access';

/** A fixed answer: its content type and its body, made at the first request and kept. */
export interface FixedAnswer {
  readonly contentType: string;
  readonly body: () => string | Buffer;
}

const PAGE: EdgeRouteConfig = { access: 'page' };

/**
 * Serves a fixed answer at `path` on the app's Fastify instance, as `@nestjs/swagger` serves its documents:
 * open to everyone (GET, a page to the edge guard, rate limited like every route), under the app's
 * Content-Security-Policy (helmet's hook). It carries an `ETag` (a digest of the body) with `no-cache`, so a
 * browser asks again each time and a request with a matching `If-None-Match` gets `304` with no body.
 */
export const serveFixed = (app: NestFastifyApplication, path: string, answer: FixedAnswer): void => {
  let fixed: { body: string | Buffer; etag: string } | undefined;
  app
    .getHttpAdapter()
    .getInstance()
    .get(path, { config: PAGE }, (request, reply) => {
      if (fixed === undefined) {
        const body = answer.body();
        fixed = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      }
      void reply.header('content-type', answer.contentType).header('cache-control', 'no-cache').header('etag', fixed.etag).header('x-content-type-options', 'nosniff');
      if (matches(request.headers['if-none-match'], fixed.etag)) void reply.status(304).send();
      else void reply.send(fixed.body);
    });
};

/** Whether an `If-None-Match` names this entity tag (or `*`); weak tags compare by their value. */
const matches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === etag);
