import { embeddedServerConfig, randomPassword, SYSTEM_ACCOUNT } from './embedded-config';

const config = (port = 4222) =>
  embeddedServerConfig({
    port,
    account: 'APP',
    users: [
      { user: 'app', password: 'app-secret', permissions: { publish: ['$JS.API.>', 'hotel.>'], subscribe: ['_INBOX_app.>'], allowResponses: true } },
      { user: 'operator', password: 'operator-secret' },
      { user: 'reader', password: 'reader-secret', permissions: { publish: [], subscribe: ['_INBOX.>'] } },
    ],
  });

/** Top-level keys: lines that start at column 0 and name a setting or a block. */
const topLevelKeys = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => /^[A-Za-z_"]/.test(line))
    .map((line) => line.split(/[\s:{]/)[0] ?? '');

describe('the embedded nats-server configuration', () => {
  it('listens on loopback only, on the given port or a free one', () => {
    expect(config()).toMatch(/^host: "127\.0\.0\.1"$/m);
    expect(config()).toMatch(/^port: 4222$/m);
    expect(config(0)).toMatch(/^port: -1$/m);
    expect(topLevelKeys(config())).toEqual(['host', 'port', 'accounts', 'system_account']);
  });

  it('has no global authorization next to the accounts, no user without credentials, and no websocket, leaf, cluster, MQTT or monitoring listener', () => {
    const text = config();
    for (const forbidden of ['authorization', 'no_auth_user', 'websocket', 'leafnodes', 'cluster', 'gateway', 'mqtt', 'http', 'listen']) {
      expect(text).not.toMatch(new RegExp(`\\b${forbidden}\\b`));
    }
  });

  it('puts every user inside the application account, which has JetStream, and names a system account with no user', () => {
    const text = config();
    const account = /"APP": \{\n {4}jetstream: enabled\n {4}users: \[\n((?: {6}\{.*\}\n)+) {4}\]\n {2}\}/.exec(text);
    expect(account?.[1]?.trim().split('\n')).toHaveLength(3);
    expect(text).toContain(`"${SYSTEM_ACCOUNT}": {}`);
    expect(text).toMatch(new RegExp(`^system_account: "${SYSTEM_ACCOUNT}"$`, 'm'));
    expect(text.match(/user: /g)).toHaveLength(3);
  });

  it('writes each user with its password and its permissions; nothing allowed becomes deny everything', () => {
    const text = config();
    expect(text).toContain(
      '{ user: "app", password: "app-secret", permissions: { publish: { allow: ["$JS.API.>", "hotel.>"] }, subscribe: { allow: ["_INBOX_app.>"] }, allow_responses: true } }',
    );
    expect(text).toContain('{ user: "operator", password: "operator-secret" }');
    expect(text).toContain('{ user: "reader", password: "reader-secret", permissions: { publish: { deny: [">"] }, subscribe: { allow: ["_INBOX.>"] } } }');
  });

  it('refuses values that would break out of their quotes, and a server without users', () => {
    const user = (password: string) => embeddedServerConfig({ port: 0, account: 'APP', users: [{ user: 'app', password }] });
    expect(() => user('a" }\nno_auth_user: "app')).toThrow(/cannot be written/);
    expect(() => user('back\\slash')).toThrow(/cannot be written/);
    expect(() => embeddedServerConfig({ port: 0, account: 'APP', users: [] })).toThrow(/at least one user/);
  });

  it('makes a different 192-bit password each time, in URL-safe characters', () => {
    const passwords = new Set(Array.from({ length: 100 }, randomPassword));
    expect(passwords.size).toBe(100);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
