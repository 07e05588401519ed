import { setTimeout as sleep } from 'node:timers/promises';
import { booking } from '@test/hotel.requests';
import { showingAppOutput } from './app-process';
import { convergence, eventually } from './convergence';
import { FaultRig } from './fault-rig';

const RETRY_BUDGET_MS = 10_000;

/** One booking sent straight to the app, timed, with the answer's status and media type. */
const probe = async (baseUrl: string, date: string): Promise<{ status: number; type: string | null; ms: number }> => {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/mutation/book-room`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(booking(1, 'probe', date)),
    signal: AbortSignal.timeout(RETRY_BUDGET_MS * 2),
  });
  await response.arrayBuffer();
  return { status: response.status, type: response.headers.get('content-type')?.split(';')[0] ?? null, ms: performance.now() - started };
};

describe('a nats-server crash under load', () => {
  let rig: FaultRig;

  beforeEach(async () => {
    rig = await FaultRig.start();
  });

  afterEach(() => rig.dispose());

  it('answers 503 at once while nats-server is down, reconnects by itself, and loses or repeats nothing', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const running = await rig.app('app', { NATS_RETRY_BUDGET_MS: String(RETRY_BUDGET_MS) });
        const booked = rig.load(() => running.baseUrl, { concurrency: 20 });
        await eventually(() => booked.acknowledged().length >= 300, 'the load to book 300 room-days', 60_000);

        await rig.nats.server.kill();
        const killedAt = booked.outcomes.length;
        await eventually(() => booked.outcomes.slice(killedAt).some(({ status }) => status === 503), 'a 503 once nats-server is gone');
        const probes = [];
        for (let day = 1; day <= 15; day++) {
          probes.push(await probe(running.baseUrl, `2099-01-${String(day).padStart(2, '0')}`));
          await sleep(200);
        }
        expect(probes.map(({ status, type }) => ({ status, type }))).toEqual(
          probes.map(() => ({ status: 503, type: 'application/problem+json' })),
        );
        expect(Math.max(...probes.map(({ ms }) => ms))).toBeLessThan(1_000);

        await rig.nats.server.start();
        const restartedAt = booked.outcomes.length;
        await eventually(() => booked.outcomes.slice(restartedAt).some(({ status }) => status === 201), 'a 201 after the restart', 60_000);
        const before = booked.acknowledged().length;
        await eventually(() => booked.acknowledged().length >= before + 300, 'the load to book 300 more room-days', 60_000);
        const outcomes = await booked.stop();

        expect(new Set(outcomes.map(({ status }) => status))).toEqual(new Set([201, 503]));
        const slowest = Math.max(...outcomes.filter(({ status }) => status === 503).map(({ ms }) => ms));
        expect(slowest).toBeLessThan(RETRY_BUDGET_MS);

        const result = await convergence(await rig.observe(), outcomes);
        expect(result).toEqual({ bookings: [], cleanings: [], views: [], deadLetters: 0, storedBookings: expect.any(Number) as number });
        expect(result.storedBookings).toBeGreaterThanOrEqual(booked.acknowledged().length);
      },
    ),
  120_000);

  it('stops within seconds on SIGTERM while nats-server is down', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const app = await rig.app('app');
        await rig.nats.server.kill();
        await eventually(async () => (await probe(app.baseUrl, '2099-02-01')).status === 503, 'a 503 once nats-server is gone');
        await app.stop(10_000);
      },
    ),
  60_000);
});
