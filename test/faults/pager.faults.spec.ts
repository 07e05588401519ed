import { setTimeout as sleep } from 'node:timers/promises';
import { HttpReceiver, type Received } from '@libs/testing/http-receiver';
import { SmtpSink } from '@libs/testing/smtp-sink';
import type { AppProcess } from './app-process';
import { showingAppOutput } from './app-process';
import { eventually } from './convergence';
import { FaultRig } from './fault-rig';

const ACK_SECONDS = 3;

const put = async (app: AppProcess, path: string, data: unknown): Promise<number> => {
  const response = await fetch(`${app.baseUrl}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });
  await response.arrayBuffer();
  return response.status;
};

/** A service whose level 1 is an email and level 2 a text, both its own. */
const setUp = async (app: AppProcess, serviceId: string): Promise<void> => {
  const status = await put(app, '/mutation/set-escalation-policy', {
    service: { id: serviceId },
    ackTimeoutSeconds: ACK_SECONDS,
    levels: [{ targets: [{ email: `${serviceId}@example.com` }] }, { targets: [{ sms: phoneOf(serviceId) }] }],
  });
  if (status !== 201) throw new Error(`setting ${serviceId}'s policy answered ${status}`);
};

const phoneOf = (serviceId: string): string => `+1555${String(Number(serviceId.replace(/\D/g, '')) + 1_000_000).slice(-7)}`;

const raise = async (app: AppProcess, serviceId: string): Promise<number> => {
  const at = Date.now();
  const status = await put(app, '/mutation/raise-alert', { service: { id: serviceId }, message: `${serviceId} is down` });
  if (status !== 201) throw new Error(`raising ${serviceId}'s alert answered ${status}`);
  return at;
};

/** Ten services with their policies, each alerting once; when each alert was raised. */
const alertTen = async (app: AppProcess): Promise<Map<string, number>> => {
  const services = Array.from({ length: 10 }, (_, index) => `svc-${index + 1}`);
  for (const service of services) await setUp(app, service);
  const raised = new Map<string, number>();
  for (const service of services) raised.set(service, await raise(app, service));
  return raised;
};

const textsTo = (sms: HttpReceiver, number: string): Received[] => sms.received.filter(({ body }) => (JSON.parse(body) as { to: string }).to === number);

describe('the pager through crashes: escalations happen once, never early', () => {
  let rig: FaultRig;
  let smtp: SmtpSink;
  let sms: HttpReceiver;
  let env: Record<string, string>;

  beforeEach(async () => {
    rig = await FaultRig.start();
    smtp = await SmtpSink.start();
    sms = await HttpReceiver.start();
    env = { SMTP_URL: smtp.url, SMTP_FROM: 'pager@example.com', SMS_WEBHOOK_URL: `${sms.url}/messages`, PAGER_BUNDLE_MS: '300', PAGER_BACKOFF_MS: '200' };
  });

  afterEach(async () => {
    await rig.dispose();
    await sms.stop();
    await smtp.stop();
  });

  it('escalates once, never early, when the app is SIGKILLed while acknowledgement timers are pending', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const app = await rig.app('app', env);
        const raised = await alertTen(app);
        const services = [...raised.keys()];
        await eventually(() => services.every((service) => smtp.received.some(({ to }) => to.includes(`${service}@example.com`))), 'every level-1 email');
        await app.kill();
        await sleep(ACK_SECONDS * 1_000);
        await app.start();
        await eventually(() => services.every((service) => textsTo(sms, phoneOf(service)).length > 0), 'every level-2 text', 60_000);
        await sleep(2_000);
        expect(services.map((service) => textsTo(sms, phoneOf(service)).length)).toEqual(services.map(() => 1));
        expect(services.filter((service) => textsTo(sms, phoneOf(service))[0]!.at < raised.get(service)! + ACK_SECONDS * 1_000)).toEqual([]);
        expect(services.map((service) => smtp.received.filter(({ to }) => to.includes(`${service}@example.com`)).length)).toEqual(services.map(() => 1));
      },
    ));

  it('escalates once, never early, when nats-server is SIGKILLed and restarted with timers pending', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const app = await rig.app('app', env);
        const raised = await alertTen(app);
        const services = [...raised.keys()];
        await eventually(() => services.every((service) => smtp.received.some(({ to }) => to.includes(`${service}@example.com`))), 'every level-1 email');
        await rig.nats.server.kill();
        await sleep(1_000);
        await rig.nats.server.start();
        await eventually(() => services.every((service) => textsTo(sms, phoneOf(service)).length > 0), 'every level-2 text', 60_000);
        await sleep(2_000);
        expect(services.map((service) => textsTo(sms, phoneOf(service)).length)).toEqual(services.map(() => 1));
        expect(services.filter((service) => textsTo(sms, phoneOf(service))[0]!.at < raised.get(service)! + ACK_SECONDS * 1_000)).toEqual([]);
      },
    ));

  it('lets two app instances share the pager: each target notified once per level', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const [first, second] = [await rig.app('first', env), await rig.app('second', env)];
        const services = Array.from({ length: 20 }, (_, index) => `svc-${index + 1}`);
        for (const service of services) await setUp(first, service);
        await Promise.all(services.flatMap((service) => [raise(first, service), raise(second, service)]));
        await eventually(() => services.every((service) => textsTo(sms, phoneOf(service)).length > 0), 'every level-2 text', 60_000);
        await sleep(2_000);
        expect(services.map((service) => smtp.received.filter(({ to }) => to.includes(`${service}@example.com`)).length)).toEqual(services.map(() => 1));
        expect(services.map((service) => textsTo(sms, phoneOf(service)).length)).toEqual(services.map(() => 1));
      },
    ));
});
