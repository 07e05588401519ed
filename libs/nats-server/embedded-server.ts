import { existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { embeddedServerConfig, randomPassword, type NatsPermissions } from './embedded-config';
import { NatsServerProcess } from './nats-server.process';

export interface EmbeddedServerOptions {
  /** The server's folder: JetStream storage, its configuration and the connection files, all private to this OS user. */
  readonly dir: string;
  /** Client port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** The account holding the JetStream data and the users. */
  readonly account: string;
  /** What the app's own user may do: exactly what the app needs. */
  readonly appPermissions: NatsPermissions;
  /** What a command sender may do: send commands and read their replies. */
  readonly commandSenderPermissions: NatsPermissions;
  /** One user per role a process may run apart, named as the role, with what the role may do. */
  readonly roles?: readonly { readonly name: string; readonly permissions: NatsPermissions }[];
  readonly name?: string;
}

/** A user name and its password for this run of the server. */
export interface NatsLogin {
  readonly user: string;
  readonly password: string;
}

export interface EmbeddedServer {
  readonly server: NatsServerProcess;
  /** The app's login; it is kept in memory and in the configuration file only. */
  readonly app: NatsLogin;
  readonly operator: NatsLogin;
  readonly commandSender: NatsLogin;
  /** Private files: the server's configuration, and a `nats://user:password@host:port` URL per human role. */
  readonly files: { readonly config: string; readonly operatorUrl: string; readonly commandSenderUrl: string };
  /** Each role's login, by the role's name. */
  readonly roles: Readonly<Record<string, NatsLogin>>;
  /** Each role's `nats://user:password@host:port` URL file (mode 0600), by the role's name: what a process running the role apart connects with. */
  readonly roleUrls: Readonly<Record<string, string>>;
  /** True when JetStream data of an earlier, unauthenticated server (global account) was moved into the account. */
  readonly migrated: boolean;
}

export const EMBEDDED_USERS = { app: 'app', operator: 'operator', commandSender: 'command-sender' } as const;

/** The files the embedded server's folder holds besides JetStream's storage. */
export const EMBEDDED_FILES = { config: 'nats-server.conf', operatorUrl: 'operator.url', commandSenderUrl: 'command-sender.url' } as const;

/** The file of a role's login URL: `<role>.url`. */
export const roleUrlFileName = (role: string): string => `${role}.url`;

/**
 * Starts the embedded nats-server with fresh random passwords: writes its configuration (mode 0600)
 * and, once it listens, the operator's, the command sender's and each role's connection URLs (mode 0600) next to it.
 * The operator may do anything inside the account (the `nats` CLI); the app, command senders and roles only what their permissions allow.
 */
export const startEmbeddedServer = async (options: EmbeddedServerOptions): Promise<EmbeddedServer> => {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  await chmod(options.dir, 0o700);
  const migrated = await adoptGlobalAccountData(options.dir, options.account);
  const app = { user: EMBEDDED_USERS.app, password: randomPassword() };
  const operator = { user: EMBEDDED_USERS.operator, password: randomPassword() };
  const commandSender = { user: EMBEDDED_USERS.commandSender, password: randomPassword() };
  const roles = (options.roles ?? []).map(({ name, permissions }) => {
    if ((Object.values(EMBEDDED_USERS) as string[]).includes(name)) throw new Error(`a role cannot be called ${name}: the embedded server has a user of that name already`);
    return { user: name, password: randomPassword(), permissions, file: join(options.dir, roleUrlFileName(name)) };
  });
  const files = {
    config: join(options.dir, EMBEDDED_FILES.config),
    operatorUrl: join(options.dir, EMBEDDED_FILES.operatorUrl),
    commandSenderUrl: join(options.dir, EMBEDDED_FILES.commandSenderUrl),
  };
  const config = embeddedServerConfig({
    port: options.port,
    account: options.account,
    users: [
      { ...app, permissions: options.appPermissions },
      operator,
      { ...commandSender, permissions: options.commandSenderPermissions },
      ...roles.map(({ user, password, permissions }) => ({ user, password, permissions })),
    ],
  });
  await writePrivateFile(files.config, config);
  const server = await new NatsServerProcess({ storeDir: options.dir, port: options.port, name: options.name ?? 'embedded', args: ['--config', files.config] }).start();
  await writePrivateFile(files.operatorUrl, `${loginUrl(operator, server.port)}\n`);
  await writePrivateFile(files.commandSenderUrl, `${loginUrl(commandSender, server.port)}\n`);
  for (const role of roles) await writePrivateFile(role.file, `${loginUrl(role, server.port)}\n`);
  return {
    server,
    app,
    operator,
    commandSender,
    files,
    roles: Object.fromEntries(roles.map(({ user, password }) => [user, { user, password }])),
    roleUrls: Object.fromEntries(roles.map(({ user, file }) => [user, file])),
    migrated,
  };
};

const loginUrl = ({ user, password }: NatsLogin, port: number): string =>
  `nats://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`;

/**
 * Earlier versions ran the embedded server without accounts, so its JetStream data sits in the global
 * account's folder (`jetstream/$G`). Moved into the account's folder once, it keeps every stream,
 * consumer and bucket.
 */
const adoptGlobalAccountData = async (dir: string, account: string): Promise<boolean> => {
  const global = join(dir, 'jetstream', '$G');
  const target = join(dir, 'jetstream', account);
  if (!existsSync(global) || existsSync(target)) return false;
  await rename(global, target);
  return true;
};

/** Replaces the file, created afresh with mode 0600 so no other OS user can read it at any moment. */
const writePrivateFile = async (path: string, text: string): Promise<void> => {
  await rm(path, { force: true });
  await writeFile(path, text, { mode: 0o600, flag: 'wx' });
};
