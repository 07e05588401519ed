import { HttpReceiver } from '@libs/testing/http-receiver';
import { AddressPolicy } from './address-policy';
import { SlackSender } from './slack.sender';
import { SmsSender } from './sms.sender';

describe('Slack and SMS webhooks', () => {
  let receiver: HttpReceiver;
  const attempt = { attempt: 1, correlationId: 'journey-7' };
  const loopback = new AddressPolicy('127.0.0.0/8');

  beforeEach(async () => {
    receiver = await HttpReceiver.start();
  });
  afterEach(async () => {
    await receiver.stop();
  });

  it('posts a Slack message as JSON text, with the request key as Idempotency-Key', async () => {
    const slack = new SlackSender({ timeoutMs: 2_000, policy: loopback, webhookUrl: `${receiver.url}/services/T1/B1/x` });
    expect(await slack.send({ key: 'op-1', payload: { text: 'Payment failed for *order 42*' } }, attempt)).toEqual({ kind: 'sent' });
    const [received] = receiver.at('/services/T1/B1/x');
    expect(received?.headers).toMatchObject({ 'content-type': 'application/json', 'idempotency-key': 'op-1', 'x-correlation-id': 'journey-7' });
    expect(JSON.parse(received!.body)).toEqual({ text: 'Payment failed for *order 42*' });
  });

  it('tries Slack again on rate limits and outages, and gives up at once on its final error codes, naming them', async () => {
    const slack = new SlackSender({ timeoutMs: 2_000, policy: loopback, webhookUrl: `${receiver.url}/hook` });
    receiver.answer([
      { status: 429, body: 'rate_limited' },
      { status: 500, body: 'rollup_error' },
      { status: 404, body: 'channel_not_found' },
      { status: 410, body: 'channel_is_archived' },
      { status: 403, body: 'invalid_token' },
      { status: 400, body: 'invalid_payload' },
      { status: 400, body: 'something_new' },
    ]);
    const outcomes = [];
    for (let index = 0; index < 7; index++) outcomes.push(await slack.send({ key: `op-${index}`, payload: { text: 'x' } }, attempt));
    expect(outcomes).toEqual([
      { kind: 'retry', reason: 'Slack answered 429 rate_limited' },
      { kind: 'retry', reason: 'Slack answered 500 rollup_error' },
      { kind: 'refused', reason: 'Slack answered 404 channel_not_found' },
      { kind: 'refused', reason: 'Slack answered 410 channel_is_archived' },
      { kind: 'refused', reason: 'Slack answered 403 invalid_token' },
      { kind: 'refused', reason: 'Slack answered 400 invalid_payload' },
      { kind: 'refused', reason: 'Slack answered 400 something_new (not a known error code)' },
    ]);
  });

  it('sends an SMS through the gateway as {to, text} with a stable Idempotency-Key, retrying only what may succeed later', async () => {
    const sms = new SmsSender({ timeoutMs: 300, policy: loopback, webhookUrl: `${receiver.url}/sms` });
    const request = { key: 'svc-1.incident-3.level-1.target-2', payload: { to: '+15551234567', text: 'checkout is down' } };
    receiver.answer([{ status: 503 }, { status: 200, delayMs: 1_000 }, { status: 202 }, { status: 422 }]);
    const outcomes = [];
    for (let index = 0; index < 4; index++) outcomes.push(await sms.send(request, { ...attempt, attempt: index + 1 }));
    expect(outcomes).toEqual([
      { kind: 'retry', reason: 'the SMS gateway answered 503' },
      { kind: 'retry', reason: 'no answer within 300 ms' },
      { kind: 'sent' },
      { kind: 'refused', reason: 'the SMS gateway answered 422' },
    ]);
    const sent = receiver.at('/sms');
    expect(sent.map(({ body }): unknown => JSON.parse(body))).toEqual(Array(4).fill({ to: '+15551234567', text: 'checkout is down' }));
    expect(new Set(sent.map(({ headers }) => headers['idempotency-key']))).toEqual(new Set(['svc-1.incident-3.level-1.target-2']));
  });

  it('refuses an address the allow list does not admit without calling it', async () => {
    const sms = new SmsSender({ timeoutMs: 300, policy: new AddressPolicy('public'), webhookUrl: `${receiver.url}/sms` });
    expect(await sms.send({ key: 'k', payload: { to: '+1', text: 't' } }, attempt)).toEqual({ kind: 'refused', reason: expect.stringContaining('the address its host 127.0.0.1') });
    expect(receiver.received).toHaveLength(0);
  });
});
