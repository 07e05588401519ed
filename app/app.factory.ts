import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { correlationIdFrom, CORRELATION_HEADER } from '@adapter/command/command-reply';
import { ProblemFilter } from '@adapter/http/problem.filter';
import type { AppConfig } from '@adapter/runtime/app.config';
import { AppModule } from './app.module';

const LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** JSON log lines, one per event, at the configured level and above. */
export const jsonLogger = (level: AppConfig['logLevel']): ConsoleLogger =>
  new ConsoleLogger({ json: true, logLevels: LEVELS.slice(0, LEVELS.indexOf(level) + 1) });

/** Builds the app (HTTP on Fastify, NATS triggers, projections, automations), initialised but not listening. */
export const createApp = async (config: AppConfig & { natsUrl: string }): Promise<NestFastifyApplication> => {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => (request.headers[CORRELATION_HEADER] ? correlationIdFrom(request.headers[CORRELATION_HEADER]) : randomUUID()),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: jsonLogger(config.logLevel),
    abortOnError: false,
  });
  app.useGlobalFilters(new ProblemFilter());
  await app.init();
  return app;
};
