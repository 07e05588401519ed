import { startNatsTestServer, type NatsTestServer } from '@libs/testing/nats-test-server';
import { NatsClient } from '@adapter/nats/nats.client';
import { Outbox } from './outbox';
import { OutboxSender } from './outbox.sender';

describe('the local outbox', () => {
  let server: NatsTestServer;
  let nats: NatsClient;
  let outbox: Outbox;
  const attempt = (number: number) => ({ attempt: number, correlationId: `journey-${number}` });

  beforeAll(async () => {
    server = await startNatsTestServer();
    nats = await NatsClient.connect({ servers: server.url, name: 'outbox' });
    outbox = new Outbox(nats, 1);
    await outbox.ensure();
  });

  afterAll(async () => {
    await nats.close();
    await server.dispose();
  });

  it('keeps what each channel delivered, once per key however often it is sent, newest first', async () => {
    const email = new OutboxSender(outbox, 'email');
    const slack = new OutboxSender(outbox, 'slack');
    const mail = { key: 'n-1-email', payload: { to: 'ada@example.com', subject: 'Your order', text: 'shipped' } };
    expect(await email.send(mail, attempt(1))).toEqual({ kind: 'sent' });
    expect(await slack.send({ key: 'n-1-slack', payload: { text: 'Your order shipped' } }, attempt(1))).toEqual({ kind: 'sent' });
    expect(await email.send(mail, attempt(2))).toEqual({ kind: 'sent' });
    expect(await email.send({ key: 'n-2-email', payload: { to: 'bob@example.com', subject: 'Hello', text: 'hi' } }, attempt(1))).toEqual({ kind: 'sent' });

    const all = await outbox.recent(10);
    expect(all.map(({ channel, key }) => `${channel}:${key}`)).toEqual(['email:n-2-email', 'slack:n-1-slack', 'email:n-1-email']);
    expect(all[2]).toMatchObject({ payload: mail.payload, attempt: 1, correlationId: 'journey-1', deliveredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((await outbox.recent(10, 'email')).map(({ key }) => key)).toEqual(['n-2-email', 'n-1-email']);
    expect((await outbox.recent(1)).map(({ key }) => key)).toEqual(['n-2-email']);
  });

  it('refuses a key that cannot name a subject, and asks for another attempt when JetStream does not take the delivery', async () => {
    expect(await new OutboxSender(outbox, 'sms').send({ key: 'a.b', payload: {} }, attempt(1))).toMatchObject({ kind: 'refused', reason: expect.stringContaining('not a token') });
    const closed = await NatsClient.connect({ servers: server.url, name: 'outbox-closed' });
    const away = new Outbox(closed, 1);
    await closed.close();
    const result = await new OutboxSender(away, 'sms').send({ key: 'page-1', payload: { to: '+15551234567', text: 'down' } }, attempt(1));
    expect(result).toMatchObject({ kind: 'retry', reason: expect.stringContaining('the outbox (JetStream) did not take it') });
  });
});
