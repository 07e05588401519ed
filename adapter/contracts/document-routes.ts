import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A fixed answer: its content type and its body, made at the first request and kept. */
export interface FixedAnswer {
  readonly contentType: string;
  readonly body: () => string | Buffer;
}

/**
 * Serves a fixed answer at `path` on the app's Fastify instance, as `@nestjs/swagger` serves its documents:
 * open to everyone (GET), under the app's Content-Security-Policy (helmet's hook), cached by nobody for long.
 */
export const serveFixed = (app: NestFastifyApplication, path: string, answer: FixedAnswer): void => {
  let body: string | Buffer | undefined;
  app
    .getHttpAdapter()
    .getInstance()
    .get(path, (_request, reply) => {
      body ??= answer.body();
      void reply.header('content-type', answer.contentType).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(body);
    });
};
