import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Board } from '@libs/event-model/board';
import type { AppConfig } from '@adapter/config/app.config';
import { correlationIdFrom, CORRELATION_HEADER } from '@adapter/edge/command-reply';
import { ProblemFilter } from '@adapter/edge/problem.filter';
import { ClientThrottle } from '@adapter/http/client-throttle';
import { Credentials } from '@adapter/http/credentials';
import { guardEdge } from '@adapter/http/edge-guard';
import { clientErrorHandler, frameworkErrors } from '@adapter/http/framework-errors';
import { acceptJsonBodiesOnly } from '@adapter/http/json-bodies';
import { MetricsCredentials } from '@adapter/http/metrics-credentials';
import { serveCommandReplies } from '@adapter/http/command-replies';
import { instrumentHttp } from '@adapter/http/http-telemetry';
import { LiveUpgrades } from '@adapter/live/live-upgrades';
import { LiveWsAdapter } from '@adapter/live/live-ws.adapter';
import { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { JsonLogger } from '@adapter/telemetry/json.logger';
import { NatsCommandTransport } from '@adapter/transport/nats-command.transport';
import { AppModule } from './app.module';
import { BOARDS } from './boards';
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

/**
 * Builds the app running `boards` (HTTP on Fastify, live views on websockets, NATS commands, projections,
 * automations), initialised and serving NATS commands, but not listening on HTTP yet.
 */
export const createApp = async (config: AppConfig & { natsUrl: string }, boards: readonly Board[] = BOARDS): Promise<NestFastifyApplication> => {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // Bodies are parsed as NATS command bodies are (`parseStrictJson`, `__proto__` an own key): the input screen
    // then names every field called like an Object.prototype member, at any depth, and drops it before validation.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => (request.headers[CORRELATION_HEADER] ? correlationIdFrom(request.headers[CORRELATION_HEADER]) : randomUUID()),
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, boards), adapter, {
    logger: new JsonLogger(config.logLevel),
    abortOnError: false,
    bodyParser: false,
  });
  const telemetry = app.get(CommandTelemetry);
  instrumentHttp(app.getHttpAdapter().getInstance(), telemetry);
  serveCommandReplies(app.getHttpAdapter().getInstance());
  // Secure headers by helmet, its policy parsed once at start and set on every response.
  const secureHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => secureHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined)));
  const throttle = app.get(ClientThrottle);
  guardEdge(app.getHttpAdapter().getInstance(), {
    throttle,
    credentials: app.get(Credentials),
    metricsCredentials: app.get(MetricsCredentials),
    allowedHosts: config.allowedHosts,
    publicReads: config.publicReads,
  });
  acceptJsonBodiesOnly(app.getHttpAdapter().getInstance());
  app.useGlobalFilters(app.get(ProblemFilter));
  const upgrades = new LiveUpgrades(config, throttle);
  app.useWebSocketAdapter(new LiveWsAdapter(app, (request, origin) => upgrades.admit(request, origin)));
  app.connectMicroservice({ strategy: app.get(NatsCommandTransport) }, { inheritAppConfig: true });
  serveContracts(app, boards, natsHost(config.natsUrl));
  await app.init();
  await app.startAllMicroservices();
  return app;
};

/** The host and port of the first NATS server the app uses, without credentials: what the AsyncAPI document names. */
const natsHost = (servers: string): string => {
  const first = servers.split(',')[0]?.trim() ?? '';
  return URL.canParse(first) ? new URL(first).host : first.replace(/^.*@/, '');
};
