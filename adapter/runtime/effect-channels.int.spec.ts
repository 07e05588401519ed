import { HttpReceiver } from '@libs/testing/http-receiver';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { loadConfig } from '@adapter/config/app.config';
import { EmailSender } from '@adapter/effects/email.sender';
import type { Outbox } from '@adapter/effects/outbox';
import { OutboxSender } from '@adapter/effects/outbox.sender';
import { SlackSender } from '@adapter/effects/slack.sender';
import { SmsSender } from '@adapter/effects/sms.sender';
import { EffectChannels } from './effect-channels';

/** An outbox that keeps what it is given, by channel and key. */
const keepingOutbox = (): { outbox: Outbox; delivered: string[] } => {
  const delivered: string[] = [];
  const outbox = { deliver: (channel: string, request: { key: string }) => Promise.resolve(void delivered.push(`${channel}:${request.key}`)) } as unknown as Outbox;
  return { outbox, delivered };
};

const attempt = { attempt: 1, correlationId: 'journey-1' };
const mail = { key: 'n-1-email', payload: { to: 'ada@example.com', subject: 'Your order shipped', text: 'It is on its way.' } };
const slack = { key: 'n-1-slack', payload: { text: 'Order 42 shipped' } };
const sms = { key: 'n-1-sms', payload: { to: '+15551234567', text: 'Order 42 shipped' } };

describe('the effect channels, chosen from the configuration', () => {
  let smtp: SmtpSink;
  let receiver: HttpReceiver;

  beforeEach(async () => {
    smtp = await SmtpSink.start();
    receiver = await HttpReceiver.start();
  });
  afterEach(async () => {
    await smtp.stop();
    await receiver.stop();
  });

  it('delivers every channel into the local outbox when no service has an address', async () => {
    const { outbox, delivered } = keepingOutbox();
    const channels = new EffectChannels(loadConfig({}).effects, outbox);
    expect([channels.sender('email'), channels.sender('slack'), channels.sender('sms')].every((sender) => sender instanceof OutboxSender)).toBe(true);
    for (const [channel, request] of [['email', mail], ['slack', slack], ['sms', sms]] as const) expect(await channels.sender(channel).send(request, attempt)).toEqual({ kind: 'sent' });
    expect(delivered).toEqual(['email:n-1-email', 'slack:n-1-slack', 'sms:n-1-sms']);
    expect(channels.destinations).toEqual({ email: 'outbox', slack: 'outbox', sms: 'outbox' });
    channels.close();
  });

  it('sends each channel whose address is set to its service, and the others into the outbox', async () => {
    const { outbox, delivered } = keepingOutbox();
    const env = { SMTP_URL: smtp.url, SMTP_FROM: 'Shop <orders@shop.example>', SLACK_WEBHOOK_URL: `${receiver.url}/services/T1/B2/secret`, EFFECT_TIMEOUT_MS: '2000' };
    const channels = new EffectChannels(loadConfig(env).effects, outbox);
    expect(channels.sender('email')).toBeInstanceOf(EmailSender);
    expect(channels.sender('slack')).toBeInstanceOf(SlackSender);
    expect(channels.sender('sms')).toBeInstanceOf(OutboxSender);

    for (const [channel, request] of [['email', mail], ['slack', slack], ['sms', sms]] as const) expect(await channels.sender(channel).send(request, attempt)).toEqual({ kind: 'sent' });
    expect(smtp.received).toEqual([expect.objectContaining({ to: ['ada@example.com'], subject: 'Your order shipped', messageId: '<n-1-email@shop.example>' })]);
    expect(receiver.at('/services/T1/B2/secret').map(({ body }): unknown => JSON.parse(body))).toEqual([{ text: 'Order 42 shipped' }]);
    expect(delivered).toEqual(['sms:n-1-sms']);
    expect(channels.destinations).toEqual({ email: smtp.url, slack: `${receiver.url}/…`, sms: 'outbox' });
    channels.close();
  });

  it('sends text messages to the gateway, and says where without the webhook\'s path or a login', async () => {
    const { outbox } = keepingOutbox();
    const env = { SMTP_URL: 'smtps://mailer:hunter2@mail.example.com:465', SMS_WEBHOOK_URL: `${receiver.url}/sms?key=secret` };
    const channels = new EffectChannels(loadConfig(env).effects, outbox);
    expect(channels.sender('sms')).toBeInstanceOf(SmsSender);
    expect(await channels.sender('sms').send(sms, attempt)).toEqual({ kind: 'sent' });
    expect(receiver.at('/sms?key=secret').map(({ body }): unknown => JSON.parse(body))).toEqual([{ to: '+15551234567', text: 'Order 42 shipped' }]);
    expect(channels.destinations).toEqual({ email: 'smtps://<credentials>@mail.example.com:465', slack: 'outbox', sms: `${receiver.url}/…` });
    channels.close();
  });
});
