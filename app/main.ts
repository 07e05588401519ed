import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { NatsServerProcess } from '@libs/nats-server/nats-server.process';
import { loadConfig } from '@adapter/runtime/app.config';
import { JsonLogger } from '@adapter/runtime/json.logger';
import { createApp } from './app.factory';

/**
 * Starts the app. Without NATS_URL it first starts its own nats-server with JetStream on loopback,
 * keeping data under DATA_DIR, and stops it after the app has drained.
 */
const main = async (): Promise<void> => {
  const config = loadConfig();
  Logger.overrideLogger(new JsonLogger(config.logLevel));
  const logger = new Logger('Main');
  let embedded: NatsServerProcess | undefined;
  let natsUrl = config.natsUrl;
  if (!natsUrl) {
    const storeDir = join(config.dataDir, 'nats');
    embedded = await new NatsServerProcess({ storeDir, port: config.embeddedNatsPort, name: 'embedded' }).start();
    natsUrl = embedded.url;
    logger.log({ message: 'embedded nats-server started', url: natsUrl, storeDir });
    process.once('exit', () => void embedded?.kill());
  }
  const app = await createApp({ ...config, natsUrl }).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  await app.listen({ port: config.port, host: config.host });
  logger.log({ message: 'listening', url: await app.getUrl(), board: `${await app.getUrl()}/board`, nats: natsUrl, demoHotel: config.seedDemoHotel });
  if (config.authTokens.length === 0) {
    logger.warn({ message: 'AUTH_TOKENS is not set: anyone who reaches this port may send commands and watch views; set AUTH_TOKENS before exposing it' });
  }
  const shutdown = async (signal: string): Promise<void> => {
    logger.log({ message: 'shutting down', signal });
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, (name) => void shutdown(name));
};

main().catch((error: unknown) => {
  new Logger('Main').fatal({ message: 'the app could not start', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
