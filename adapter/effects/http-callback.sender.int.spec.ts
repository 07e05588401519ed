import { HttpReceiver } from '@libs/testing/http-receiver';
import { AddressPolicy, type ResolvedAddress } from './address-policy';
import { HttpCallbackSender } from './http-callback.sender';

describe('calling back over HTTP', () => {
  let receiver: HttpReceiver;
  const port = (): string => new URL(receiver.url).port;
  const request = (url: string, key = 'reminder-1') => ({
    key,
    payload: { url, type: 'reminder.ReminderDue.v1', source: '/reminder/call-back', time: '2026-12-02T10:00:00.000Z', data: { id: key, note: 'été' } },
  });
  const attempt = { attempt: 1, correlationId: 'journey-1' };
  const loopback = new AddressPolicy('127.0.0.0/8');

  beforeEach(async () => {
    receiver = await HttpReceiver.start();
  });
  afterEach(async () => {
    await receiver.stop();
  });

  it('POSTs a CloudEvent in binary mode: its attributes as ce- headers, its data as the JSON body', async () => {
    const sender = new HttpCallbackSender({ timeoutMs: 2_000, policy: loopback });
    expect(await sender.send(request(`${receiver.url}/hook`), attempt)).toEqual({ kind: 'sent' });
    const [received] = receiver.at('/hook');
    expect(received?.method).toBe('POST');
    expect(received?.headers).toMatchObject({
      'content-type': 'application/json',
      'ce-specversion': '1.0',
      'ce-id': 'reminder-1',
      'ce-type': 'reminder.ReminderDue.v1',
      'ce-source': '/reminder/call-back',
      'ce-time': '2026-12-02T10:00:00.000Z',
      'x-correlation-id': 'journey-1',
    });
    expect(JSON.parse(received!.body)).toEqual({ id: 'reminder-1', note: 'été' });
  });

  it('asks for another attempt on 408, 429 and 5xx, and gives up at once on any other answer, a redirect included', async () => {
    const sender = new HttpCallbackSender({ timeoutMs: 2_000, policy: loopback });
    const outcomes: unknown[] = [];
    for (const status of [408, 429, 500, 503, 400, 404, 410, 302]) {
      receiver.answer([{ status }]);
      outcomes.push([status, await sender.send(request(`${receiver.url}/hook`), attempt)]);
    }
    expect(outcomes).toEqual([
      [408, { kind: 'retry', reason: 'the receiver answered 408' }],
      [429, { kind: 'retry', reason: 'the receiver answered 429' }],
      [500, { kind: 'retry', reason: 'the receiver answered 500' }],
      [503, { kind: 'retry', reason: 'the receiver answered 503' }],
      [400, { kind: 'refused', reason: 'the receiver answered 400' }],
      [404, { kind: 'refused', reason: 'the receiver answered 404' }],
      [410, { kind: 'refused', reason: 'the receiver answered 410' }],
      [302, { kind: 'refused', reason: 'the receiver answered 302' }],
    ]);
    expect(receiver.at('/hook')).toHaveLength(8);
  });

  it('asks for another attempt when the receiver is too slow or not there', async () => {
    const sender = new HttpCallbackSender({ timeoutMs: 300, policy: loopback });
    receiver.answer([{ status: 200, delayMs: 1_000 }]);
    expect(await sender.send(request(`${receiver.url}/slow`), attempt)).toEqual({ kind: 'retry', reason: 'no answer within 300 ms' });
    const gone = `${receiver.url}/hook`;
    await receiver.stop();
    const result = await sender.send(request(gone), attempt);
    expect(result.kind).toBe('retry');
    receiver = await HttpReceiver.start();
  });

  it('connects a host name to the admitted addresses it resolves to', async () => {
    const policy = new AddressPolicy('127.0.0.0/8', (host) => Promise.resolve(host === 'receiver.test' ? [{ address: '127.0.0.1', family: 4 }] : []));
    const sender = new HttpCallbackSender({ timeoutMs: 2_000, policy });
    expect(await sender.send(request(`http://receiver.test:${port()}/named`), attempt)).toEqual({ kind: 'sent' });
    expect(receiver.at('/named')[0]?.headers.host).toBe(`receiver.test:${port()}`);
  });

  it('refuses, without connecting, a host that resolves to an address not admitted by the time of the call (DNS rebinding)', async () => {
    let answers: ResolvedAddress[] = [{ address: '93.184.216.34', family: 4 }];
    const policy = new AddressPolicy('public', () => Promise.resolve(answers));
    const address = `http://rebinding.test:${port()}/hook`;
    await expect(policy.check(address)).resolves.toBeInstanceOf(URL);
    answers = [{ address: '127.0.0.1', family: 4 }];
    const sender = new HttpCallbackSender({ timeoutMs: 2_000, policy });
    expect(await sender.send(request(address), attempt)).toEqual({
      kind: 'refused',
      reason: 'the address its host rebinding.test is 127.0.0.1, which the allow list does not admit (private, loopback, link-local and metadata addresses must be listed)',
    });
    expect(receiver.received).toEqual([]);
  });
});
