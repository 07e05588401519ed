import { SmtpSink } from '@libs/testing/smtp-sink';
import { EmailSender } from './email.sender';

describe('email over SMTP', () => {
  let sink: SmtpSink;
  let sender: EmailSender;
  const mail = (key: string) => ({ key, payload: { to: 'ada@example.com', subject: 'Your order shipped', text: 'It is on its way.' } });

  beforeEach(async () => {
    sink = await SmtpSink.start();
    sender = new EmailSender({ smtpUrl: sink.url, from: 'Notifications <notify@shop.example>', timeoutMs: 2_000 });
  });
  afterEach(async () => {
    sender.close();
    await sink.stop();
  });

  it('sends the email with a Message-ID made of the request key, the same on every attempt', async () => {
    expect(await sender.send(mail('n-1-email'), { attempt: 1, correlationId: 'journey-1' })).toEqual({ kind: 'sent' });
    expect(await sender.send(mail('n-1-email'), { attempt: 2, correlationId: 'journey-1' })).toEqual({ kind: 'sent' });
    expect(sink.received).toHaveLength(2);
    expect(sink.received.map(({ messageId }) => messageId)).toEqual(['<n-1-email@shop.example>', '<n-1-email@shop.example>']);
    expect(sink.received[0]).toMatchObject({ to: ['ada@example.com'], subject: 'Your order shipped', text: 'It is on its way.\n' });
    expect(sink.received[0]?.headers.get('x-correlation-id')).toBe('journey-1');
  });

  it('tries again after a transient refusal (4xx), gives up on a permanent one (5xx), and tries again when the server is away', async () => {
    sink.answer([{ accept: false, code: 451, message: 'try again later' }, { accept: false, code: 550, message: 'no such mailbox' }]);
    expect(await sender.send(mail('n-2-email'), { attempt: 1, correlationId: 'c' })).toMatchObject({ kind: 'retry', reason: expect.stringContaining('answered 451') });
    expect(await sender.send(mail('n-2-email'), { attempt: 2, correlationId: 'c' })).toMatchObject({ kind: 'refused', reason: expect.stringContaining('answered 550') });
    expect(sink.received).toHaveLength(0);
    await sink.stop();
    const away = await sender.send(mail('n-3-email'), { attempt: 1, correlationId: 'c' });
    expect(away).toMatchObject({ kind: 'retry', reason: expect.stringContaining('could not be reached') });
    sink = await SmtpSink.start();
  });
});
