import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { correlationIdFrom, CORRELATION_HEADER } from '@adapter/command/command-reply';
import { ClientThrottle } from '@adapter/http/client-throttle';
import { instrumentHttp } from '@adapter/http/http-telemetry';
import { ProblemFilter } from '@adapter/http/problem.filter';
import { LiveWsAdapter } from '@adapter/live/live-ws.adapter';
import type { AppConfig } from '@adapter/runtime/app.config';
import { JsonLogger } from '@adapter/runtime/json.logger';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { Tracing } from '@adapter/telemetry/tracing';
import { AppModule } from './app.module';
import { serveContracts } from './contracts';

/**
 * Scripts, styles and connections (the `/live` websocket included) from the app's own origin only:
 * the board page renders ids people typed, so nothing else may run. No inline code, no frames, no plugins.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Builds the app (HTTP on Fastify, live views on websockets, NATS triggers, projections, automations), initialised but not listening. */
export const createApp = async (config: AppConfig & { natsUrl: string }): Promise<NestFastifyApplication> => {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // Bodies are parsed as NATS command bodies are (plain JSON.parse, `__proto__` an own key): the input screen
    // then names every field called like an Object.prototype member, at any depth, and drops it before validation.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => (request.headers[CORRELATION_HEADER] ? correlationIdFrom(request.headers[CORRELATION_HEADER]) : randomUUID()),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new JsonLogger(config.logLevel),
    abortOnError: false,
  });
  instrumentHttp(app.getHttpAdapter().getInstance(), app.get(Tracing), app.get(AppMetrics));
  // Secure headers by helmet, its policy parsed once at start and set on every response.
  const secureHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => secureHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined)));
  app.useGlobalFilters(new ProblemFilter());
  const throttle = app.get(ClientThrottle);
  app.useWebSocketAdapter(new LiveWsAdapter(app, (request) => throttle.refusesUpgrade(request)));
  serveContracts(app);
  await app.init();
  return app;
};
