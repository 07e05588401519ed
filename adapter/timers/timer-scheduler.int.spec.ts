import { setTimeout as sleep } from 'node:timers/promises';
import { startNatsTestServer, type NatsTestServer } from '@libs/testing/nats-test-server';
import { TIMER_SLOT_MS, TIMERS_STREAM } from '@stream/timers.stream';
import { NatsClient } from '@adapter/nats/nats.client';
import { TimerScheduler, type DueTimer } from './timer-scheduler';
import { TimerStore, type StoredTimer } from './timer-store';

/** What a scheduler fired: each timer's name and generation, when, and how late. */
interface Fired {
  readonly timer: string;
  readonly generation: number;
  readonly lateMs: number;
  readonly by: string;
}

describe('durable timers on JetStream', () => {
  let server: NatsTestServer;
  let nats: NatsClient;
  let store: TimerStore;
  const fired: Fired[] = [];
  const schedulers: TimerScheduler[] = [];

  const scheduler = async (name: string, act: (timer: DueTimer) => Promise<void> = () => Promise.resolve()): Promise<TimerScheduler> => {
    const created = new TimerScheduler(
      nats,
      store,
      async (timer) => {
        fired.push({ timer: timer.timer, generation: timer.generation, lateMs: Date.now() - timer.at, by: name });
        await act(timer);
      },
      { fired: () => undefined },
      { lease: { ttlMs: 1_000, renewMs: 200 }, slotGraceMs: 200 },
    );
    await created.ensure();
    schedulers.push(created);
    return created;
  };
  const timer = (name: string, generation: number, inMs: number): StoredTimer => ({
    slice: 'probe',
    timer: name,
    generation,
    at: Date.now() + inMs,
    action: { kind: 'command', command: { name } },
    correlationId: 'c',
    causationId: 'e',
  });
  const firedOf = (name: string): Fired[] => fired.filter(({ timer: which }) => which === name);
  const eventually = async (condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; fired ${JSON.stringify(fired)}`);
      await sleep(20);
    }
  };

  beforeAll(async () => {
    server = await startNatsTestServer();
    nats = await NatsClient.connect({ servers: server.url, name: 'timers' });
    store = new TimerStore(nats, 1);
    await store.ensure();
  });

  afterAll(async () => {
    await Promise.all(schedulers.map((one) => one.stop()));
    await nats.close();
    await server.dispose();
  });

  it('fires a timer once, never before its time, and removes its message when its slot closes', async () => {
    const first = await scheduler('a');
    first.start();
    await store.set(timer('once', 1, 300));
    await eventually(() => firedOf('once').length === 1, 'the timer fired');
    await sleep(500);
    expect(firedOf('once')).toEqual([expect.objectContaining({ generation: 1 })]);
    expect(firedOf('once')[0]!.lateMs).toBeGreaterThanOrEqual(0);
    const waiting = async (): Promise<boolean> => (await nats.jsm.streams.info(TIMERS_STREAM.name, { subjects_filter: 'timer.*.probe.once' })).state.subjects !== undefined;
    await eventually(async () => !(await waiting()), 'the closed slot purged', TIMER_SLOT_MS + 5_000);
    expect(firedOf('once')).toHaveLength(1);
  });

  it('lets a later set replace a timer, a clear cancel one, and ignores a set or clear older than what it holds', async () => {
    await store.set(timer('moved', 5, 200));
    await store.set(timer('moved', 6, 600));
    expect(await store.set(timer('moved', 4, 100))).toBe(false);
    await store.set(timer('cancelled', 7, 300));
    await store.clear('probe', 'cancelled', 8);
    expect(await store.set(timer('cancelled', 7, 300))).toBe(false);
    expect(await store.clear('probe', 'never-set', 9)).toBe(true);
    await eventually(() => firedOf('moved').length === 1, 'the moved timer fired');
    await sleep(800);
    expect(firedOf('moved')).toEqual([expect.objectContaining({ generation: 6 })]);
    expect(firedOf('moved')[0]!.lateMs).toBeGreaterThanOrEqual(0);
    expect(firedOf('cancelled')).toEqual([]);
  });

  it('tries a failing timer again until it goes through, and fires it once it does', async () => {
    let failures = 0;
    await Promise.all(schedulers.splice(0).map((one) => one.stop()));
    const flaky = await scheduler('flaky', (due) => (due.timer === 'flaky' && failures++ < 2 ? Promise.reject(new Error('downstream not there yet')) : Promise.resolve()));
    flaky.start();
    await store.set(timer('flaky', 1, 100));
    await eventually(() => firedOf('flaky').length === 3, 'three tries');
    await sleep(1_500);
    expect(firedOf('flaky')).toHaveLength(3);
  });

  it('fires what came due while no scheduler ran, late but never early, and loads only the slots coming due', async () => {
    await Promise.all(schedulers.splice(0).map((one) => one.stop()));
    await store.set(timer('while-down', 1, 200));
    await store.set(timer('far-ahead', 1, 10 * TIMER_SLOT_MS));
    await sleep(600);
    expect(firedOf('while-down')).toEqual([]);
    const next = await scheduler('b');
    next.start();
    await eventually(() => firedOf('while-down').length === 1, 'the overdue timer fired after the restart');
    expect(firedOf('while-down')[0]!.lateMs).toBeGreaterThanOrEqual(400);
    // The fired timer leaves memory once it is marked and removed; the far one's slot is never read.
    await eventually(() => next.loaded === 0, 'nothing left in memory: the fired timer gone, the far one never loaded');
    expect(firedOf('far-ahead')).toEqual([]);
  });

  it('lets only one of two schedulers fire, and the other take over when the first stops', async () => {
    const second = await scheduler('c');
    second.start();
    for (let index = 0; index < 20; index++) await store.set(timer(`shared-${index}`, 1, 200 + index * 20));
    await eventually(() => fired.filter(({ timer: which }) => which.startsWith('shared-')).length === 20, 'all shared timers fired');
    await sleep(500);
    const shared = fired.filter(({ timer: which }) => which.startsWith('shared-'));
    expect(new Set(shared.map(({ timer: which }) => which)).size).toBe(20);
    expect(new Set(shared.map(({ by }) => by)).size).toBe(1);
    const holder = shared[0]!.by;
    await Promise.all(schedulers.filter((_, index) => (holder === 'b' ? index === 0 : index === 1)).map((one) => one.stop()));
    await store.set(timer('after-handover', 1, 300));
    await eventually(() => firedOf('after-handover').length === 1, 'the other scheduler fired after the handover', 20_000);
    expect(firedOf('after-handover')[0]!.by).not.toBe(holder);
  });
});
