import { CONTRACT_STREAM, describeEventStoreContract } from '@libs/testing/event-store.contract';
import { startNatsTestServer, type NatsTestServer } from '@libs/testing/nats-test-server';
import { NatsClient } from '@adapter/nats/nats.client';
import { ensureStream, eventStreamConfig } from '@adapter/topology/topology';
import { JetStreamEventStore } from './jetstream-event-store';

let server: NatsTestServer;
let nats: NatsClient;
let store: JetStreamEventStore;

beforeAll(async () => {
  server = await startNatsTestServer();
  nats = await NatsClient.connect({ servers: server.url, name: 'contract' });
  await ensureStream(nats, eventStreamConfig(CONTRACT_STREAM.name, CONTRACT_STREAM.subjects, 1));
  store = new JetStreamEventStore(nats, { retryBudgetMs: 300 });
});

afterAll(async () => {
  await nats?.close();
  await server?.dispose();
});

describeEventStoreContract('the JetStream store on a real nats-server', { store: () => store });
