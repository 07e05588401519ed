import { setTimeout as sleep } from 'node:timers/promises';
import { HttpReceiver } from '@libs/testing/http-receiver';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { operationIdOf } from '@feature/notification/notification.ids';
import type { AppProcess } from './app-process';
import { showingAppOutput } from './app-process';
import { eventually } from './convergence';
import { FaultRig } from './fault-rig';

const put = async (app: AppProcess, path: string, data: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${app.baseUrl}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const statusOf = async (app: AppProcess, trackingId: string): Promise<string> => {
  const response = await fetch(`${app.baseUrl}/query/notification/${trackingId}`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  return response?.ok ? ((await response.json()) as { status: string }).status : 'unknown';
};

const send = async (app: AppProcess, recipient: string, subject: string): Promise<string> => {
  const answer = await put(app, '/mutation/send-notification', { recipient: { id: recipient }, subject, body: `${subject}, in full.` });
  if (answer.status !== 202) throw new Error(`send-notification answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return String(answer.body.trackingId);
};

describe('notifications through crashes: each email and Slack message reaches the outside world once, or twice with the same key after a crash', () => {
  let rig: FaultRig;
  let smtp: SmtpSink;
  let slack: HttpReceiver;
  let env: Record<string, string>;

  beforeEach(async () => {
    rig = await FaultRig.start();
    smtp = await SmtpSink.start();
    slack = await HttpReceiver.start();
    env = { SMTP_URL: smtp.url, SMTP_FROM: 'notifications@example.com', SLACK_WEBHOOK_URL: `${slack.url}/hook`, NOTIFY_ATTEMPTS: '5', NOTIFY_BACKOFF_MS: '200' };
  });

  afterEach(async () => {
    await rig.dispose();
    await slack.stop();
    await smtp.stop();
  });

  it('sends an email once more, with the same Message-ID, when the app is SIGKILLed after the mail server took it and before its outcome was stored', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const app = await rig.app('app', env);
        expect((await put(app, '/mutation/register-recipient', { recipient: { id: 'ada' }, email: 'ada@example.com', channels: ['email'] })).status).toBe(201);
        const held = smtp.holdNext();
        const trackingId = await send(app, 'ada', 'Your booking');
        await held.taken;
        await app.kill();
        held.answer();
        await app.start();
        await eventually(async () => (await statusOf(app, trackingId)) === 'sent-on-all', `notification ${trackingId} to be sent`, 90_000);
        await sleep(1_000);
        const copies = smtp.received.filter(({ to }) => to.includes('ada@example.com'));
        expect(copies).toHaveLength(2);
        expect(new Set(copies.map(({ messageId }) => messageId))).toEqual(new Set([`<${operationIdOf(trackingId, 'email')}@example.com>`]));
      },
    ));

  it('lets two app instances share the notifications: each email and each Slack message sent once', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const [first, second] = [await rig.app('first', env), await rig.app('second', env)];
        expect((await put(first, '/mutation/register-recipient', { recipient: { id: 'ada' }, email: 'ada@example.com', slackChannel: '#ada', channels: ['email', 'slack'] })).status).toBe(201);
        const tracking = await Promise.all(Array.from({ length: 30 }, (_, index) => send(index % 2 === 0 ? first : second, 'ada', `Message ${index}`)));
        for (const trackingId of tracking) await eventually(async () => (await statusOf(second, trackingId)) === 'sent-on-all', `notification ${trackingId} to be sent`, 60_000);
        await sleep(1_000);
        const emails = tracking.map((trackingId) => smtp.received.filter(({ messageId }) => messageId === `<${operationIdOf(trackingId, 'email')}@example.com>`).length);
        const posts = tracking.map((trackingId) => slack.received.filter(({ headers }) => headers['idempotency-key'] === operationIdOf(trackingId, 'slack')).length);
        expect(emails).toEqual(tracking.map(() => 1));
        expect(posts).toEqual(tracking.map(() => 1));
      },
    ));
});
