import { randomBytes } from 'node:crypto';

/** Subjects a user may publish to and subscribe to; a user without them may do anything in its account. */
export interface NatsPermissions {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
  /** Whether the user may also publish one reply to the reply subject of each request it receives (`allow_responses`). */
  readonly allowResponses?: boolean;
}

/** A user of the embedded server, authenticated by name and password. */
export interface NatsUser {
  readonly user: string;
  readonly password: string;
  readonly permissions?: NatsPermissions;
}

export interface EmbeddedConfigOptions {
  /** Client port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** The account that holds the app's JetStream data and every user. */
  readonly account: string;
  readonly users: readonly NatsUser[];
}

/** The account the server uses for its own system traffic; no user belongs to it. */
export const SYSTEM_ACCOUNT = 'SYS';

/**
 * The embedded server's configuration: loopback only, one application account with JetStream and
 * its users, and a system account. Users live inside accounts only: a top-level `authorization`
 * block next to `accounts` lets connections fall into the global account (CVE-2023-47090), and there
 * is no `no_auth_user`, so a connection without credentials is refused. There is no `websocket`
 * block: the 2.9.10 listener crashes on one malformed unauthenticated frame. JetStream itself and its
 * storage folder are given on the command line.
 */
export const embeddedServerConfig = (options: EmbeddedConfigOptions): string => {
  if (options.users.length === 0) throw new Error('the embedded server needs at least one user');
  const users = options.users.map((user) => `      ${userEntry(user)}`).join('\n');
  return [
    '# Written by the app at each start of its embedded nats-server; the passwords change every time.',
    `host: ${quote('127.0.0.1')}`,
    `port: ${options.port === 0 ? -1 : options.port}`,
    'accounts {',
    `  ${quote(options.account)}: {`,
    '    jetstream: enabled',
    '    users: [',
    users,
    '    ]',
    '  }',
    `  ${quote(SYSTEM_ACCOUNT)}: {}`,
    '}',
    `system_account: ${quote(SYSTEM_ACCOUNT)}`,
    '',
  ].join('\n');
};

/** A password of 192 random bits, in characters that need no escaping in a URL or a config file. */
export const randomPassword = (): string => randomBytes(24).toString('base64url');

const userEntry = ({ user, password, permissions }: NatsUser): string => {
  const fields = [`user: ${quote(user)}`, `password: ${quote(password)}`];
  if (permissions) {
    const responses = permissions.allowResponses ? ', allow_responses: true' : '';
    fields.push(`permissions: { publish: ${rule(permissions.publish)}, subscribe: ${rule(permissions.subscribe)}${responses} }`);
  }
  return `{ ${fields.join(', ')} }`;
};

/** nats-server reads an empty allow list as no restriction at all, so nothing allowed is written as deny everything. */
const rule = (subjects: readonly string[]): string =>
  subjects.length === 0 ? `{ deny: [${quote('>')}] }` : `{ allow: [${subjects.map(quote).join(', ')}] }`;

/** Double-quoted, so `$JS.API.>` is a subject and not a variable; quotes and backslashes are refused, not escaped. */
const quote = (value: string): string => {
  if (/["\\\n\r]/.test(value)) throw new Error(`${JSON.stringify(value)} cannot be written into the nats-server configuration`);
  return `"${value}"`;
};
