import { readFile } from 'node:fs/promises';
import { credsAuthenticator, type ConnectionOptions, type PermissionViolationError } from '@nats-io/nats-core';
import { assertNever } from '@libs/decider/decider';

/** The app's NATS credentials: a user and password, a token, or a `.creds` file (JWT and NKEY seed) of a decentralised account. */
export type NatsAuth =
  | { readonly kind: 'password'; readonly user: string; readonly password: string }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'creds'; readonly file: string };

/** Server URLs as they may be logged: a user and password written into a URL are masked. */
export const withoutCredentials = (servers: string): string => servers.replace(/\/\/[^/@,]*@/g, '//<credentials>@');

/** What each kind of credentials is configured with, for error messages. */
const AUTH_SETTINGS: Record<NatsAuth['kind'] | 'none', string> = {
  password: 'NATS_USER and NATS_PASSWORD',
  token: 'NATS_TOKEN',
  creds: 'NATS_CREDS',
  none: 'NATS_USER and NATS_PASSWORD, NATS_TOKEN or NATS_CREDS (the server requires credentials)',
};

/** Thrown at start-up when the server refuses the app's credentials. */
export class NatsAuthenticationFailed extends Error {
  constructor(servers: string, auth: NatsAuth | undefined, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error ? options.cause.message : String(options?.cause);
    super(`NATS at ${withoutCredentials(servers)} refused the app's credentials (${reason}): check ${AUTH_SETTINGS[auth?.kind ?? 'none']}`, options);
    this.name = 'NatsAuthenticationFailed';
  }
}

/** Thrown at start-up when the app's NATS user may not use a subject the app needs. */
export class NatsPermissionDenied extends Error {
  constructor(servers: string, options: { cause: PermissionViolationError }) {
    super(
      `the app's NATS user at ${withoutCredentials(servers)} may not ${options.cause.operation} to ${options.cause.subject}: ` +
        'grant it the permissions docs/operations.md lists under "Security: NATS"',
      options,
    );
    this.name = 'NatsPermissionDenied';
  }
}

/** The connection options for the credentials; a `.creds` file is read once, here. */
export const credentialOptions = async (auth: NatsAuth | undefined): Promise<Partial<ConnectionOptions>> => {
  switch (auth?.kind) {
    case undefined:
      return {};
    case 'password':
      return { user: auth.user, pass: auth.password };
    case 'token':
      return { token: auth.token };
    case 'creds': {
      const creds = await readFile(auth.file).catch((cause: unknown) => {
        throw new NatsCredentialsUnreadable(auth.file, { cause });
      });
      return { authenticator: credsAuthenticator(creds) };
    }
    default:
      return assertNever(auth);
  }
};

/** Thrown at start-up when the `.creds` file named by NATS_CREDS cannot be read. */
export class NatsCredentialsUnreadable extends Error {
  constructor(file: string, options: { cause: unknown }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`cannot read the NATS credentials file ${file} (${reason}): fix NATS_CREDS or the file's permissions`, options);
    this.name = 'NatsCredentialsUnreadable';
  }
}

/**
 * Takes `user:password@` (or a lone `token@`) out of the URLs, as the `nats` CLI reads them: the client would
 * take the user information for part of the host. The URLs of a cluster carry the same login.
 */
export const urlCredentials = (servers: string): { servers: string; auth: NatsAuth | undefined } => {
  let auth: NatsAuth | undefined;
  const plain = servers.split(',').map((server) => {
    const trimmed = server.trim();
    const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
    if (!url?.username) return trimmed;
    const user = decodeURIComponent(url.username);
    auth = url.password ? { kind: 'password', user, password: decodeURIComponent(url.password) } : { kind: 'token', token: user };
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  });
  return { servers: plain.join(','), auth };
};
