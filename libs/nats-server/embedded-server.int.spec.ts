import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { AuthorizationError, type NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { NatsServerProcess } from './nats-server.process';

const options = (dir: string) => ({
  dir,
  port: 0,
  account: 'APP',
  appPermissions: { publish: ['$JS.API.>'], subscribe: ['_INBOX_app.>'] },
  commandSenderPermissions: { publish: ['cmd.>'], subscribe: ['_INBOX.>'] },
});

/** Connects as the operator with the URL file the server wrote, as a human with the `nats` CLI would. */
const asOperator = async (embedded: EmbeddedServer): Promise<NatsConnection> => {
  const url = new URL((await readFile(embedded.files.operatorUrl, 'utf8')).trim());
  expect(`${url.protocol}//${url.host}`).toBe(embedded.server.url);
  return connect({ servers: url.host, user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) });
};

describe('the embedded nats-server', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embedded-nats-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the JetStream data of the earlier server without accounts, moved into the account once', async () => {
    const earlier = await new NatsServerProcess({ storeDir: dir, port: 0, name: 'earlier' }).start();
    const anonymous = await connect({ servers: earlier.url });
    await (await jetstreamManager(anonymous)).streams.add({ name: 'HOTEL', subjects: ['hotel.>'] });
    await jetstream(anonymous).publish('hotel.room.1', 'registered');
    await anonymous.close();
    await earlier.stop();

    const first = await startEmbeddedServer(options(dir));
    expect(first.migrated).toBe(true);
    const operator = await asOperator(first);
    expect((await (await jetstreamManager(operator)).streams.info('HOTEL')).state.messages).toBe(1);
    await operator.close();
    await first.server.stop();

    const second = await startEmbeddedServer(options(dir));
    expect(second.migrated).toBe(false);
    expect(second.operator.password).not.toBe(first.operator.password);
    await expect(connect({ servers: second.server.url, user: 'operator', pass: first.operator.password, reconnect: false })).rejects.toBeInstanceOf(AuthorizationError);
    const again = await asOperator(second);
    expect((await (await jetstreamManager(again)).streams.info('HOTEL')).state.messages).toBe(1);
    await again.close();
    await second.server.stop();
  });

  it('comes back on the same port with the same users after a restart', async () => {
    const embedded = await startEmbeddedServer(options(dir));
    const port = embedded.server.port;
    await embedded.server.restart();
    expect(embedded.server.port).toBe(port);
    const operator = await asOperator(embedded);
    await operator.flush();
    await operator.close();
    await embedded.server.stop();
  });
});
