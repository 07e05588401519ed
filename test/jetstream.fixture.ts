import { startNatsTestServer, type NatsTestServer } from '@libs/testing/nats-test-server';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { NatsClient } from '@adapter/nats/nats.client';
import { deadLetterStreamConfig, ensureStream, eventStreamConfig } from '@adapter/topology/topology';

/** A nats-server of its own with the app's streams, a client and an event store on it. */
export interface JetStreamFixture {
  readonly server: NatsTestServer;
  readonly nats: NatsClient;
  readonly store: JetStreamEventStore;
  dispose(): Promise<void>;
}

export const startJetStream = async (): Promise<JetStreamFixture> => {
  const server = await startNatsTestServer();
  const nats = await NatsClient.connect({ servers: server.url, name: 'fixture' });
  await ensureStream(nats, eventStreamConfig(HOTEL_STREAM.name, HOTEL_STREAM.subjects, 1));
  await ensureStream(nats, deadLetterStreamConfig(DEAD_LETTER_STREAM.name, DEAD_LETTER_STREAM.subjects, 1));
  return {
    server,
    nats,
    store: new JetStreamEventStore(nats),
    async dispose() {
      await nats.close();
      await server.dispose();
    },
  };
};
