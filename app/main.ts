import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NatsServerProcess } from '@libs/nats-server/nats-server.process';
import { withoutCredentials } from '@adapter/nats/nats-credentials';
import { loadConfig } from '@adapter/config/app.config';
import { JsonLogger } from '@adapter/telemetry/json.logger';
import { createApp } from './app.factory';
import { BOARDS } from './boards';
import { EMBEDDED_ACCOUNT, startEmbeddedNats } from './embedded-nats';

/**
 * Starts the app. Without NATS_URL it first starts its own nats-server with JetStream on loopback,
 * with users and passwords made for this run, keeping data under DATA_DIR, and stops it after the
 * app has drained. No password is logged: the operator's and each role's are in files only its OS user can read.
 * The process hosting the embedded server connects as the app's own user, whatever roles it runs (`RUN_ROLES`):
 * it holds every password anyway; a role run apart connects with its role's URL file (`NATS_URL`).
 */
const main = async (): Promise<void> => {
  const config = loadConfig();
  Logger.overrideLogger(new JsonLogger(config.logLevel));
  const logger = new Logger('Main');
  let embedded: NatsServerProcess | undefined;
  let natsUrl = config.natsUrl;
  let natsAuth = config.natsAuth;
  if (!natsUrl) {
    const started = await startEmbeddedNats(config.dataDir, config.embeddedNatsPort, BOARDS);
    embedded = started.server;
    natsUrl = embedded.url;
    natsAuth = { kind: 'password', ...started.app };
    logger.log({ message: 'embedded nats-server started', url: natsUrl, operatorUrlFile: started.files.operatorUrl, commandSenderUrlFile: started.files.commandSenderUrl, roleUrlFiles: started.roleUrls });
    if (started.migrated) logger.log({ message: 'JetStream data of the earlier unauthenticated embedded server moved into its account', account: EMBEDDED_ACCOUNT });
    process.once('exit', () => void embedded?.kill());
  }
  const app = await createApp({ ...config, natsUrl, natsAuth }).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  await app.listen({ port: config.port, host: config.host });
  logger.log({ message: 'listening', url: await app.getUrl(), boards: BOARDS.map(({ name }) => name), model: `${await app.getUrl()}/model`, nats: withoutCredentials(natsUrl), demoData: config.seedDemo });
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
