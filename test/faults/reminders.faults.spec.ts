import { setTimeout as sleep } from 'node:timers/promises';
import { HttpReceiver, type Received } from '@libs/testing/http-receiver';
import type { AppProcess } from './app-process';
import { showingAppOutput } from './app-process';
import { eventually } from './convergence';
import { FaultRig } from './fault-rig';

/** The reminders' settings in these tests: loopback callbacks allowed, quick retries. */
const REMINDER_ENV = { REMINDER_CALLBACK_ALLOW: 'public,127.0.0.0/8', REMINDER_CALLBACK_BACKOFF_MS: '200', REMINDER_CALLBACK_ATTEMPTS: '8', REMINDER_CALLBACK_TIMEOUT_MS: '3000' };

interface Defined {
  readonly id: string;
  readonly path: string;
}

const define = async (app: AppProcess, seconds: number, path: string): Promise<Defined> => {
  const response = await fetch(`${app.baseUrl}/api/v1/reminders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds, address: path }),
  });
  const body = (await response.json()) as { id: string; status: string };
  if (response.status !== 200) throw new Error(`defining a reminder answered ${response.status}: ${JSON.stringify(body)}`);
  return { id: body.id, path };
};

const statusOf = async (app: AppProcess, id: string): Promise<string> => {
  const response = await fetch(`${app.baseUrl}/api/v1/reminders/${id}`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  return response?.ok ? ((await response.json()) as { status: string }).status : 'unknown';
};

/** Every callback a reminder got, and whether any came before its due time. */
const callbacksOf = (receiver: HttpReceiver, id: string): Received[] => receiver.received.filter(({ headers }) => headers['ce-id'] === id);
const early = (calls: readonly Received[]): Received[] => calls.filter(({ at, body }) => at < Date.parse((JSON.parse(body) as { dueAt: string }).dueAt));

describe('reminders through crashes: their timers and callbacks survive the app and nats-server', () => {
  let rig: FaultRig;
  let receiver: HttpReceiver;

  beforeEach(async () => {
    rig = await FaultRig.start();
    receiver = await HttpReceiver.start();
  });

  afterEach(async () => {
    await rig.dispose();
    await receiver.stop();
  });

  it('calls every reminder back after the app is SIGKILLed with reminders pending and a callback in flight: never early, the in-flight one at most twice, every other once', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const app = await rig.app('app', REMINDER_ENV);
        receiver.answer([{ status: 200, delayMs: 2_000 }]);
        const inFlight = await define(app, 1, `${receiver.url}/in-flight`);
        const pending = await Promise.all(Array.from({ length: 30 }, (_, index) => define(app, 2 + (index % 3), `${receiver.url}/pending-${index}`)));
        await eventually(() => receiver.at('/in-flight').length === 1, 'the first callback to reach the receiver');
        await app.kill();
        await sleep(1_500);
        await app.start();
        for (const reminder of [inFlight, ...pending]) await eventually(async () => (await statusOf(app, reminder.id)) === 'Completed', `reminder ${reminder.id} to complete`, 60_000);
        expect(callbacksOf(receiver, inFlight.id).length).toBeGreaterThanOrEqual(1);
        expect(callbacksOf(receiver, inFlight.id).length).toBeLessThanOrEqual(2);
        expect(pending.map(({ id }) => callbacksOf(receiver, id).length)).toEqual(pending.map(() => 1));
        expect(early(receiver.received)).toEqual([]);
      },
    ));

  it('calls every reminder back once after nats-server is SIGKILLed and restarted with them pending, never early', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const app = await rig.app('app', REMINDER_ENV);
        receiver.answer([]);
        const pending = await Promise.all(Array.from({ length: 20 }, (_, index) => define(app, 3 + (index % 2), `${receiver.url}/nats-${index}`)));
        await rig.nats.server.kill();
        await sleep(1_000);
        await rig.nats.server.start();
        for (const reminder of pending) await eventually(async () => (await statusOf(app, reminder.id)) === 'Completed', `reminder ${reminder.id} to complete`, 60_000);
        expect(pending.map(({ id }) => callbacksOf(receiver, id).length)).toEqual(pending.map(() => 1));
        expect(early(receiver.received)).toEqual([]);
      },
    ));

  it('lets two app instances share the reminders: each called back once, never early', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const [first, second] = [await rig.app('first', REMINDER_ENV), await rig.app('second', REMINDER_ENV)];
        receiver.answer([]);
        const pending = await Promise.all(Array.from({ length: 40 }, (_, index) => define(index % 2 === 0 ? first : second, 1 + (index % 3), `${receiver.url}/both-${index}`)));
        for (const reminder of pending) await eventually(async () => (await statusOf(first, reminder.id)) === 'Completed', `reminder ${reminder.id} to complete`, 60_000);
        await sleep(1_000);
        expect(pending.map(({ id }) => callbacksOf(receiver, id).length)).toEqual(pending.map(() => 1));
        expect(early(receiver.received)).toEqual([]);
      },
    ));
});
