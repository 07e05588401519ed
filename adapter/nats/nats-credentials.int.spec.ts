import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nkeys, nuid } from '@nats-io/nats-core';
import { NatsServerProcess } from '@libs/nats-server/nats-server.process';
import { NatsClient } from './nats.client';
import { NatsAuthenticationFailed, NatsCredentialsUnreadable, type NatsAuth } from './nats-credentials';

type KeyPair = ReturnType<typeof nkeys.createUser>;

/** A nats-server of its own, configured by `config`, with JetStream on a temp store. */
const startServer = async (dir: string, config: string): Promise<NatsServerProcess> => {
  const file = join(dir, 'server.conf');
  await writeFile(file, config, { mode: 0o600 });
  return new NatsServerProcess({ storeDir: join(dir, 'store'), port: 0, name: 'credentials', args: ['--config', file] }).start();
};

const connectWith = (server: NatsServerProcess, auth?: NatsAuth): Promise<NatsClient> =>
  NatsClient.connect({ servers: server.url, name: 'credentials-test', auth, requestTimeoutMs: 5_000 });

describe('the app authenticating to an external nats-server', () => {
  let dir: string;
  let server: NatsServerProcess | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nats-credentials-'));
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('connects with NATS_TOKEN, and says to check it, without showing it, when it is wrong or missing', async () => {
    const token = 'a-token-of-the-external-server';
    server = await startServer(dir, `host: "127.0.0.1"\nauthorization { token: "${token}" }\n`);
    const client = await connectWith(server, { kind: 'token', token });
    expect(client.isConnected).toBe(true);
    await client.close();
    const wrong = connectWith(server, { kind: 'token', token: 'a-wrong-token-of-some-length' });
    await expect(wrong).rejects.toBeInstanceOf(NatsAuthenticationFailed);
    await expect(wrong).rejects.toThrow(/check NATS_TOKEN$/);
    await expect(wrong).rejects.not.toThrow(/a-wrong-token/);
    await expect(connectWith(server)).rejects.toThrow(/check NATS_USER and NATS_PASSWORD, NATS_TOKEN or NATS_CREDS \(the server requires credentials\)/);
  });

  it('connects with a NATS_CREDS file to an account of a JWT operator, JetStream included; a foreign user is refused', async () => {
    const operator = nkeys.createOperator();
    const account = nkeys.createAccount();
    const user = nkeys.createUser();
    const operatorJwt = signJwt(operator, operator, { type: 'operator', version: 2 });
    const system = nkeys.createAccount();
    const accountJwt = signJwt(operator, account, { type: 'account', version: 2, limits: UNLIMITED_WITH_JETSTREAM });
    const systemJwt = signJwt(operator, system, { type: 'account', version: 2 });
    server = await startServer(
      dir,
      [
        'host: "127.0.0.1"',
        `operator: "${operatorJwt}"`,
        `system_account: "${system.getPublicKey()}"`,
        'resolver: MEMORY',
        `resolver_preload: { ${account.getPublicKey()}: "${accountJwt}", ${system.getPublicKey()}: "${systemJwt}" }`,
        '',
      ].join('\n'),
    );
    const creds = join(dir, 'app.creds');
    await writeFile(creds, credsFile(signJwt(account, user, { type: 'user', version: 2, pub: {}, sub: {}, subs: -1, data: -1, payload: -1 }), user), { mode: 0o600 });
    const client = await connectWith(server, { kind: 'creds', file: creds });
    expect((await client.jsm.getAccountInfo()).limits.max_streams).toBe(-1);
    await client.close();

    const stranger = nkeys.createUser();
    const foreign = join(dir, 'foreign.creds');
    await writeFile(foreign, credsFile(signJwt(nkeys.createAccount(), stranger, { type: 'user', version: 2 }), stranger), { mode: 0o600 });
    await expect(connectWith(server, { kind: 'creds', file: foreign })).rejects.toThrow(/refused the app's credentials .*check NATS_CREDS/);
    await expect(connectWith(server, { kind: 'creds', file: join(dir, 'missing.creds') })).rejects.toBeInstanceOf(NatsCredentialsUnreadable);
  });
});

const UNLIMITED_WITH_JETSTREAM = {
  subs: -1, data: -1, payload: -1, imports: -1, exports: -1, wildcards: true, conn: -1, leaf: -1,
  mem_storage: -1, disk_storage: -1, streams: -1, consumer: -1,
};

const base64url = (value: Uint8Array | string): string => Buffer.from(value).toString('base64url');

/** A NATS JWT (`ed25519-nkey`): `subject`'s claims, signed by `issuer`. */
const signJwt = (issuer: KeyPair, subject: KeyPair, nats: Record<string, unknown>): string => {
  const claims = { iat: Math.floor(Date.now() / 1000), iss: issuer.getPublicKey(), name: nuid.next(), sub: subject.getPublicKey(), nats };
  const jti = createHash('sha256').update(JSON.stringify(claims)).digest('base64url');
  const signed = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'ed25519-nkey' }))}.${base64url(JSON.stringify({ jti, ...claims }))}`;
  return `${signed}.${base64url(issuer.sign(Buffer.from(signed)))}`;
};

const credsFile = (jwt: string, user: KeyPair): string =>
  [
    '-----BEGIN NATS USER JWT-----',
    jwt,
    '------END NATS USER JWT------',
    '',
    '-----BEGIN USER NKEY SEED-----',
    Buffer.from(user.getSeed()).toString(),
    '------END USER NKEY SEED------',
    '',
  ].join('\n');
