import { setTimeout as sleep } from 'node:timers/promises';
import { HttpReceiver } from '@libs/testing/http-receiver';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { loadConfig } from '@adapter/config/app.config';
import { AppHarness, type HttpAnswer } from '@test/app.harness';
import { PAGER_STREAM, serviceSubject } from '@stream/pager.stream';

const BUNDLE_MS = 500;
const ONCALL = 'oncall@example.com';
const LEAD = '+15551234567';

describe('the pager over SMTP and an SMS gateway, on local doubles', () => {
  let app: AppHarness;
  let smtp: SmtpSink;
  let sms: HttpReceiver;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    sms = await HttpReceiver.start();
    const config = loadConfig({ SMTP_URL: smtp.url, SMTP_FROM: 'pager@example.com', SMS_WEBHOOK_URL: `${sms.url}/messages`, PAGER_BUNDLE_MS: String(BUNDLE_MS), PAGER_BACKOFF_MS: '100' });
    app = await AppHarness.start({ ...config, logLevel: 'warn', seedDemo: false, rateLimitRequests: 1_000_000 });
  });

  afterAll(async () => {
    await app?.dispose();
    await sms?.stop();
    await smtp?.stop();
  });

  const policy = (serviceId: string, levels: object[][], ackTimeoutSeconds = 2, repeat = 0): Promise<HttpAnswer> =>
    app.put('/mutation/set-escalation-policy', { data: { service: { id: serviceId }, ackTimeoutSeconds, repeat, levels: levels.map((targets) => ({ targets })) } });
  const command = (name: string, serviceId: string, extra: object = {}): Promise<HttpAnswer> => app.put(`/mutation/${name}`, { data: { service: { id: serviceId }, ...extra } });
  const emailsTo = (address: string) => smtp.received.filter(({ to }) => to.includes(address));
  const textsTo = (number: string) => sms.received.filter(({ body }) => (JSON.parse(body) as { to: string }).to === number);
  const until = async (what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
      await sleep(25);
    }
  };
  const serviceTypes = async (serviceId: string) =>
    (await app.messages(PAGER_STREAM.name, serviceSubject(serviceId))).flatMap((message) => {
      const parsed = message.json<{ type: string } | { type: string }[]>();
      return (Array.isArray(parsed) ? parsed : [parsed]).map(({ type }) => type.split('.')[1] ?? type);
    });

  it('escalates a second-scale timeout: level 1, the timeout, level 2, then the acknowledgement stops it', async () => {
    expect((await policy('checkout', [[{ email: ONCALL }], [{ sms: LEAD }]], 2)).status).toBe(201);
    const raised = Date.now();
    expect((await command('raise-alert', 'checkout', { message: 'checkout answers 500' })).status).toBe(201);
    const service = await app.eventually('/query/service/checkout', ({ body }) => body.state === 'unhealthy');
    expect(service.body).toMatchObject({ serviceId: 'checkout', incident: { id: '1', level: 1, acknowledged: false, notified: [{ level: 1, kind: 'email', address: ONCALL }] } });
    await until('the first level\'s email', () => emailsTo(ONCALL).length === 1);
    expect(emailsTo(ONCALL)[0]).toMatchObject({ subject: '[pager] checkout is unhealthy' });
    await until('the second level\'s text', () => textsTo(LEAD).length === 1);
    const text = textsTo(LEAD)[0]!;
    expect(text.at - raised).toBeGreaterThanOrEqual(2_000);
    expect(text.headers['idempotency-key']).toEqual(expect.any(String));
    expect(JSON.parse(text.body)).toEqual({ to: LEAD, text: '[pager] checkout (incident 1, level 2): checkout answers 500' });
    expect((await command('acknowledge-alert', 'checkout')).status).toBe(201);
    expect((await command('acknowledge-alert', 'checkout')).status).toBe(201);
    await sleep(3_000);
    expect([emailsTo(ONCALL).length, textsTo(LEAD).length]).toEqual([1, 1]);
    expect(await serviceTypes('checkout')).toEqual(['EscalationPolicySet', 'IncidentOpened', 'LevelNotified', 'AcknowledgementTimedOut', 'LevelNotified', 'AlertAcknowledged']);
    const timeline = await app.get('/query/incident/checkout/1');
    expect((timeline.body.entries as { what: string }[]).map(({ what }) => what)).toEqual(['alert', 'notified', 'timed-out', 'notified', 'acknowledged']);
  });

  it('stops escalating when the service turns healthy during the escalation', async () => {
    await policy('search', [[{ email: 'search-oncall@example.com' }], [{ sms: '+15550000001' }]], 2);
    await command('raise-alert', 'search', { message: 'search is slow' });
    await until('the first level\'s email', () => emailsTo('search-oncall@example.com').length === 1);
    expect((await command('mark-service-healthy', 'search')).status).toBe(201);
    await sleep(3_000);
    expect(textsTo('+15550000001')).toEqual([]);
    expect((await app.get('/query/service/search')).body).toEqual({ serviceId: 'search', state: 'healthy', incident: null });
    expect(((await app.get('/query/open-incidents')).body.services as { serviceId: string }[]).map(({ serviceId }) => serviceId)).not.toContain('search');
  });

  it('notifies each level-1 target once for 20 concurrent alerts on one service', async () => {
    await policy('payments', [[{ email: 'payments-oncall@example.com' }, { sms: '+15550000002' }]], 60);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => command('raise-alert', 'payments', { message: `payments alert ${index}` })));
    expect(answers.map(({ status, body }) => (status === 201 ? 201 : JSON.stringify(body)))).toEqual(answers.map(() => 201));
    await until('both level-1 targets', () => emailsTo('payments-oncall@example.com').length === 1 && textsTo('+15550000002').length === 1);
    await sleep(BUNDLE_MS * 3);
    expect([emailsTo('payments-oncall@example.com').length, textsTo('+15550000002').length]).toEqual([1, 1]);
    expect((await app.get('/query/service/payments')).body).toMatchObject({ incident: { alerts: 20, level: 1 } });
    await command('mark-service-healthy', 'payments');
  });

  it('gives a target shared by two services alerting together one message naming both', async () => {
    const shared = 'shared-oncall@example.com';
    await policy('orders', [[{ email: shared }]], 60);
    await policy('billing', [[{ email: shared }]], 60);
    await Promise.all([command('raise-alert', 'orders', { message: 'orders down' }), command('raise-alert', 'billing', { message: 'billing down' })]);
    await until('the shared message', () => emailsTo(shared).length === 1);
    await sleep(BUNDLE_MS * 3);
    expect(emailsTo(shared)).toHaveLength(1);
    expect(emailsTo(shared)[0]?.subject).toMatch(/^\[pager\] 2 services need you: (orders, billing|billing, orders)$/);
    expect(emailsTo(shared)[0]?.text).toMatch(/orders \(incident 1, level 1\): orders down/);
    expect(emailsTo(shared)[0]?.text).toMatch(/billing \(incident 1, level 1\): billing down/);
  });

  it('refuses an alert without a policy and an acknowledgement without an incident, and bad input, writing nothing', async () => {
    const before = (await app.jsm.streams.info(PAGER_STREAM.name)).state.messages;
    const alert = await command('raise-alert', 'unknown', { message: 'x' });
    expect([alert.status, alert.body.rule]).toEqual([409, 'policy-must-exist']);
    await policy('quiet', [[{ email: 'quiet@example.com' }]]);
    const acknowledge = await command('acknowledge-alert', 'quiet');
    expect([acknowledge.status, acknowledge.body.rule]).toEqual([409, 'no-open-incident']);
    const bad = await app.put('/mutation/set-escalation-policy', { data: { service: { id: 'quiet' }, ackTimeoutSeconds: 0, levels: [{ targets: [{ email: 'a@example.com', sms: '+15551234567' }] }] } });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string }[]).map(({ field }) => field)).toEqual(['data.ackTimeoutSeconds']);
    const both = await app.put('/mutation/set-escalation-policy', { data: { service: { id: 'quiet' }, ackTimeoutSeconds: 10, levels: [{ targets: [{ email: 'a@example.com', sms: '+15551234567' }] }] } });
    expect((both.body.errors as { field: string }[]).map(({ field }) => field)).toEqual(['data.levels.0.targets.0']);
    expect((await app.jsm.streams.info(PAGER_STREAM.name)).state.messages).toBe(before + 1);
    expect((await app.get('/query/service/never-seen')).status).toBe(404);
  });
});
