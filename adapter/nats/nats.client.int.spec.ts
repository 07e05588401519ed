import { createServer } from 'node:net';
import { NatsClient, NatsUnreachable } from './nats.client';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

describe('NATS client at start-up', () => {
  it('says what is wrong and what to do when no server answers', async () => {
    const url = `nats://127.0.0.1:${await freePort()}`;
    const attempt = NatsClient.connect({ servers: url, name: 'unreachable-test', requestTimeoutMs: 1_000 });
    await expect(attempt).rejects.toBeInstanceOf(NatsUnreachable);
    await expect(attempt).rejects.toThrow(new RegExp(`cannot reach NATS at ${url}.*NATS_URL`));
  });
});
