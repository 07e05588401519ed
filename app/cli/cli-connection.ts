import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NatsAuthenticationFailed, urlCredentials, withoutCredentials } from '@adapter/nats/nats-credentials';
import { inboxPrefixOf, NatsClient, NatsUnreachable } from '@adapter/nats/nats.client';
import { InvalidConfiguration, natsAuth } from '@adapter/config/app.config';
import { operatorUrlFile } from '@app/embedded-nats';
import { CliError } from './cli-error';

/** Where the CLI connects, and as whom. */
export interface CliServer {
  readonly servers: string;
  /** Where the servers came from, for messages: `--server`, `NATS_URL`, or the operator file's path. */
  readonly from: string;
}

/**
 * The server to use: `--server`, else `NATS_URL`, else the embedded server of `npm start`, through the operator's
 * login the app writes to `<DATA_DIR>/nats/operator.url` at every start (so it is right after a restart too).
 */
export const findServer = async (flag: string | undefined, env: NodeJS.ProcessEnv): Promise<CliServer> => {
  if (flag) return { servers: flag, from: '--server' };
  const fromEnv = env.NATS_URL?.trim();
  if (fromEnv) return { servers: fromEnv, from: 'NATS_URL' };
  const file = operatorUrlFile(resolve(env.DATA_DIR ?? '.data'));
  const url = await readFile(file, 'utf8').catch((error: unknown) => {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : String(error);
    throw new CliError(
      `no NATS server given, and the embedded server's login ${file} cannot be read (${reason}): ` +
        'start the app (npm start) in this folder, set DATA_DIR to its data folder, or pass --server <url> or NATS_URL',
    );
  });
  return { servers: url.trim(), from: file };
};

/**
 * Connects with the credentials the app reads (NATS_USER and NATS_PASSWORD, NATS_TOKEN or NATS_CREDS), or those in the URL.
 * A user's login reads its replies in the user's own inboxes, `_INBOX_<user>` (`_INBOX_operator` on the embedded
 * server); a token or a `.creds` file names no user, and reads them in the app's, `_INBOX_app`.
 */
export const connectCli = async (server: CliServer, env: NodeJS.ProcessEnv): Promise<NatsClient> => {
  try {
    const inUrl = urlCredentials(server.servers);
    const auth = natsAuth(env, server.servers) ?? inUrl.auth;
    const inboxPrefix = auth?.kind === 'password' ? inboxPrefixOf(auth.user) : undefined;
    return await NatsClient.connect({ servers: inUrl.servers, name: 'nats-event-model cli', auth, ...(inboxPrefix === undefined ? {} : { inboxPrefix }) });
  } catch (error) {
    if (error instanceof InvalidConfiguration) throw new CliError(error.message);
    if (error instanceof NatsUnreachable) {
      const hint = server.from === '--server' || server.from === 'NATS_URL' ? `check ${server.from}` : 'is the app (npm start) running? Its embedded server stops with it';
      throw new CliError(`cannot reach NATS at ${withoutCredentials(server.servers)} (from ${server.from}): ${hint}`);
    }
    if (error instanceof NatsAuthenticationFailed) {
      throw new CliError(
        `NATS at ${withoutCredentials(server.servers)} refused the login (from ${server.from}): ` +
          'the embedded server makes a new operator password at every start, so use the current operator.url, or check NATS_USER and NATS_PASSWORD, NATS_TOKEN or NATS_CREDS',
      );
    }
    throw error;
  }
};
