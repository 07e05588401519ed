import { setTimeout as sleep } from 'node:timers/promises';
import { startNatsTestServer, type NatsTestServer } from '@libs/testing/nats-test-server';
import { NatsClient } from '@adapter/nats/nats.client';
import { booking } from '@test/hotel.requests';
import { AppProcess, showingAppOutput } from './app-process';
import { BookingLoad } from './booking-load';
import { convergence, eventually } from './convergence';

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
  let nats: NatsTestServer;
  let app: AppProcess | undefined;
  let load: BookingLoad | undefined;
  let observer: NatsClient | undefined;

  beforeEach(async () => {
    nats = await startNatsTestServer();
  });

  afterEach(async () => {
    await load?.stop();
    await app?.kill();
    await observer?.close();
    [load, app, observer] = [undefined, undefined, undefined];
    await nats.dispose();
  });

  it('answers 503 at once while nats-server is down, reconnects by itself, and loses or repeats nothing', () =>
    showingAppOutput(
      () => (app ? [app] : []),
      async () => {
        app = await AppProcess.start('app', nats.url, { NATS_RETRY_BUDGET_MS: String(RETRY_BUDGET_MS) });
        const running = app;
        load = BookingLoad.start(() => running.baseUrl, { concurrency: 20 });
        const booked = load;
        await eventually(() => booked.acknowledged().length >= 300, 'the load to book 300 room-days', 60_000);

        await nats.server.kill();
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

        await nats.server.start();
        const restartedAt = booked.outcomes.length;
        await eventually(() => booked.outcomes.slice(restartedAt).some(({ status }) => status === 201), 'a 201 after the restart', 60_000);
        const before = booked.acknowledged().length;
        await eventually(() => booked.acknowledged().length >= before + 300, 'the load to book 300 more room-days', 60_000);
        const outcomes = await booked.stop();

        expect(new Set(outcomes.map(({ status }) => status))).toEqual(new Set([201, 503]));
        const slowest = Math.max(...outcomes.filter(({ status }) => status === 503).map(({ ms }) => ms));
        expect(slowest).toBeLessThan(RETRY_BUDGET_MS);

        observer = await NatsClient.connect({ servers: nats.url, name: 'faults-observer' });
        const result = await convergence(observer, outcomes);
        expect(result).toEqual({ bookings: [], cleanings: [], views: [], deadLetters: 0, storedBookings: expect.any(Number) as number });
        expect(result.storedBookings).toBeGreaterThanOrEqual(booked.acknowledged().length);
      },
    ),
  120_000);

  it('stops within seconds on SIGTERM while nats-server is down', () =>
    showingAppOutput(
      () => (app ? [app] : []),
      async () => {
        app = await AppProcess.start('app', nats.url);
        await nats.server.kill();
        await eventually(async () => (await probe(app!.baseUrl, '2099-02-01')).status === 503, 'a 503 once nats-server is gone');
        await app.stop(10_000);
      },
    ),
  60_000);
});
