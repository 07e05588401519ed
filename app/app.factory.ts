import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { correlationIdFrom, CORRELATION_HEADER } from '@adapter/command/command-reply';
import { ProblemFilter } from '@adapter/http/problem.filter';
import { LiveWsAdapter } from '@adapter/live/live-ws.adapter';
import type { AppConfig } from '@adapter/runtime/app.config';
import { JsonLogger } from '@adapter/runtime/json.logger';
import { AppModule } from './app.module';

/** Builds the app (HTTP on Fastify, live views on websockets, NATS triggers, projections, automations), initialised but not listening. */
export const createApp = async (config: AppConfig & { natsUrl: string }): Promise<NestFastifyApplication> => {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => (request.headers[CORRELATION_HEADER] ? correlationIdFrom(request.headers[CORRELATION_HEADER]) : randomUUID()),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new JsonLogger(config.logLevel),
    abortOnError: false,
  });
  app.useGlobalFilters(new ProblemFilter());
  app.useWebSocketAdapter(new LiveWsAdapter(app));
  await app.init();
  return app;
};
