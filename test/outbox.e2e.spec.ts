import { Outbox } from '@adapter/effects/outbox';
import { OutboxSender } from '@adapter/effects/outbox.sender';
import { AppHarness } from './app.harness';

describe('GET /outbox: what the app delivered to its local outbox', () => {
  let app: AppHarness;

  beforeAll(async () => {
    app = await AppHarness.start();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('lists the deliveries newest first, by channel and a page at a time, and refuses what it does not know', async () => {
    const outbox = app.app.get(Outbox);
    await new OutboxSender(outbox, 'email').send({ key: 'mail-1', payload: { to: 'ada@example.com', subject: 'Hi' } }, { attempt: 1, correlationId: 'c-1' });
    await new OutboxSender(outbox, 'sms').send({ key: 'page-1', payload: { to: '+15551234567', text: 'down' } }, { attempt: 1, correlationId: 'c-2' });

    const all = await app.get('/outbox');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      messages: [
        expect.objectContaining({ channel: 'sms', key: 'page-1', payload: { to: '+15551234567', text: 'down' }, correlationId: 'c-2' }),
        expect.objectContaining({ channel: 'email', key: 'mail-1', payload: { to: 'ada@example.com', subject: 'Hi' }, correlationId: 'c-1' }),
      ],
    });
    expect((await app.get('/outbox?channel=email')).body).toEqual({ messages: [expect.objectContaining({ key: 'mail-1' })] });
    expect((await app.get('/outbox?limit=1')).body).toEqual({ messages: [expect.objectContaining({ key: 'page-1' })] });
    expect(await app.get('/outbox?channel=fax')).toMatchObject({ status: 400, body: { errors: [{ field: 'channel' }] } });
    expect(await app.get('/outbox?limit=0')).toMatchObject({ status: 400, body: { errors: [{ field: 'limit' }] } });
  });
});
