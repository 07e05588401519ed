import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BookingBoard } from '@feature/hotel/booking-board/booking-board.projection';
import type { CleanupSchedule } from '@feature/hotel/cleanup-schedule/cleanup-schedule.projection';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { NatsClient } from '@adapter/nats/nats.client';
import { PROGRESS_BUCKET } from '@adapter/projection/view-buckets';
import { viewsOf } from '@libs/event-model/board';
import { BoardViews } from '@adapter/runtime/board-views';
import { BOARDS } from '@app/boards';
import { loadConfig } from '@adapter/config/app.config';
import { NatsCluster } from '@libs/testing/nats-cluster';
import { BookingLoad, bookingDiscrepancies, storedBookings } from './booking-load';
import { startClusterApp, type ClusterApp } from './cluster-app';
import { ContendedBookings } from './contended-bookings';
import { drained, hotelEvents, viewValues } from './stream-contents';
import { viewsCaughtUp } from './view-progress';

const APP_CONSUMERS = ['automation-schedule-cleaning'];
const successful = (status: number): boolean => status >= 200 && status < 300;

/** What one crash looked like from the outside. */
interface Failover {
  readonly killed: number;
  /** Whether the killed node led the HOTEL stream, and whether the app was connected to it. */
  readonly wasLeader: boolean;
  readonly wasAppsServer: boolean;
  readonly leaderAfter: number;
  /** From the SIGKILL until the cluster named a leader of HOTEL on a live node. */
  readonly electionMs: number;
  /** From the SIGKILL until the first 2xx to a booking sent after it. */
  readonly serviceBackMs: number;
  /** Statuses other than 2xx among the answers from the SIGKILL until 20 bookings sent after it were 2xx (0: no answer). */
  readonly failedStatuses: readonly number[];
  /** The slowest 2xx among those answers. */
  readonly slowestSuccessMs: number;
}

/** Notes when each answer of a load came in, so an answer can be told to be for a request sent after a crash. */
class AnswerClock {
  readonly answeredAt: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly load: BookingLoad) {
    this.timer = setInterval(() => this.tick(), 5);
  }

  /** Indexes (into the load's outcomes) of the answers to requests sent after `time`. */
  sentAfter(time: number): number[] {
    this.tick();
    return this.answeredAt.flatMap((at, index) => (at - (this.load.outcomes[index]?.ms ?? 0) > time ? [index] : []));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    while (this.answeredAt.length < this.load.outcomes.length) this.answeredAt.push(performance.now());
  }
}

describe('the app on a 3-node cluster (NATS_URL lists every node, STREAM_REPLICAS=3) while stream leaders crash', () => {
  let cluster: NatsCluster;
  let app: ClusterApp;
  let observer: NatsClient;

  beforeAll(async () => {
    cluster = await NatsCluster.start();
    app = await startClusterApp(cluster.urls);
    observer = await NatsClient.connect({ servers: cluster.urls, name: 'failover-observer' });
  });

  afterAll(async () => {
    await app?.close();
    await observer?.close();
    await cluster?.dispose();
  });

  it(
    'serves again after each election, stores every acknowledged booking exactly once, lets one rival win per room-day, ' +
      'and its views converge, through SIGKILLs of the HOTEL leader, of the next leader, and of the node the app is connected to, each restarted',
    async () => {
      const load = BookingLoad.start(app.baseUrl, { concurrency: 4, requestTimeoutMs: 60_000 });
      const clock = new AnswerClock(load);
      const rivals = ContendedBookings.start(app.baseUrl, { rivals: 4, firstDate: '2060-01-01' });
      const failovers: Failover[] = [];
      const crashAndRestart = async (choose: () => number | Promise<number>): Promise<Failover> => {
        const failover = await crash(cluster, app, load, clock, await choose());
        failovers.push(failover);
        await cluster.start(failover.killed);
        await recovered(load, clock, performance.now(), 50);
        return failover;
      };
      try {
        await load.answered(100);
        const first = await crashAndRestart(() => cluster.leaderOf(HOTEL_STREAM.name));
        const second = await crashAndRestart(() => cluster.leaderOf(HOTEL_STREAM.name));
        const third = await crashAndRestart(() => appsServer(cluster, app));
        expect([first.wasLeader, second.wasLeader, second.killed !== first.killed]).toEqual([true, true, true]);
        expect(appsServer(cluster, app)).not.toBe(third.killed);
      } finally {
        await Promise.all([load.stop(), rivals.stop()]);
        clock.stop();
        await report({ retryBudgetMs: loadConfig({}).retryBudgetMs, failovers, bookings: load.outcomes.length, acknowledged: load.acknowledged().length, rivalRounds: rivals.rounds.length });
      }

      await cluster.whole([HOTEL_STREAM.name, ...viewsOf(BOARDS).map(({ name }) => `KV_view-${name}`), `KV_${PROGRESS_BUCKET}`]);
      const stored = await storedBookings(observer.connection, observer.jsm);
      expect(bookingDiscrepancies([...load.outcomes, ...rivals.outcomes()], stored)).toEqual([]);
      expect(rivals.rounds.filter(({ statuses }) => statuses.filter(successful).length > 1)).toEqual([]);
      expect(rivals.rounds.filter(({ statuses }) => statuses.some(successful)).length).toBeGreaterThan(0);

      await drained(observer.jsm, HOTEL_STREAM.name, APP_CONSUMERS, 180_000);
      await viewsCaughtUp(observer, 60_000).catch(async (error: unknown) => {
        const projectors = await Promise.all(app.app.get(BoardViews).all.map(({ projector }) => projector.describe()));
        throw new Error(`${error instanceof Error ? error.message : String(error)}; the app's projectors: ${JSON.stringify(projectors)}`);
      });
      const events = await hotelEvents(observer.connection, observer.jsm);
      expect((await observer.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages).toBe(0);
      const bookings = [...events].flatMap(([subject, recorded]) =>
        recorded.flatMap(({ event }) => (event.type === 'RoomBooked' ? [{ subject, ...event.data }] : [])),
      );
      const schedulesOf = (subject: string): number => (events.get(subject) ?? []).filter(({ event }) => event.type === 'CleanupScheduled').length;
      expect(bookings.filter(({ subject }) => schedulesOf(subject) !== 1).map(({ subject }) => `${subject}: ${schedulesOf(subject)} cleanings`)).toEqual([]);

      const board = await viewValues<BookingBoard>(observer.connection, observer.jsm, 'booking-board');
      expect(board.size).toBe(bookings.length);
      expect(bookings.filter(({ roomId, date, clientId }) => board.get(`${roomId}.${date}`)?.view.clientId !== clientId)).toEqual([]);

      const schedules = await viewValues<CleanupSchedule>(observer.connection, observer.jsm, 'cleanup-schedule');
      const scheduledRooms = (date: string): string[] => (schedules.get(date)?.view.rooms ?? []).map(({ roomId }) => roomId);
      expect(bookings.filter(({ roomId, date }) => !scheduledRooms(date).includes(roomId))).toEqual([]);
      expect([...schedules.values()].reduce((rooms, { view }) => rooms + view.rooms.length, 0)).toBe(bookings.length);
    },
    600_000,
  );
});

/** The node the app's NATS connection is on right now. */
const appsServer = (cluster: NatsCluster, app: ClusterApp): number => cluster.nodeNamed(app.app.get(NatsClient).connection.info?.server_name);

/** SIGKILLs a node while the load runs, and times the way back to 2xx answers. */
const crash = async (cluster: NatsCluster, app: ClusterApp, load: BookingLoad, clock: AnswerClock, killed: number): Promise<Failover> => {
  const wasLeader = (await cluster.leaderOf(HOTEL_STREAM.name)) === killed;
  const wasAppsServer = appsServer(cluster, app) === killed;
  const mark = load.outcomes.length;
  const killedAt = performance.now();
  await cluster.kill(killed);
  const [[leaderAfter, electedAt], backAt] = await Promise.all([
    cluster.leaderOf(HOTEL_STREAM.name).then((leader) => [leader, performance.now()] as const),
    recovered(load, clock, killedAt, 1),
  ]);
  await recovered(load, clock, killedAt, 20);
  const sentAfter = clock.sentAfter(killedAt);
  const twentieth = sentAfter.filter((index) => successful(load.outcomes[index]!.status))[19]!;
  const answers = load.outcomes.slice(mark, twentieth + 1);
  return {
    killed,
    wasLeader,
    wasAppsServer,
    leaderAfter,
    electionMs: Math.round(electedAt - killedAt),
    serviceBackMs: Math.round(backAt - killedAt),
    failedStatuses: answers.filter(({ status }) => !successful(status)).map(({ status }) => status),
    slowestSuccessMs: Math.round(Math.max(0, ...answers.filter(({ status }) => successful(status)).map(({ ms }) => ms))),
  };
};

/** Waits until `count` bookings sent after `time` were answered 2xx; resolves with when it saw the last of them. */
const recovered = async (load: BookingLoad, clock: AnswerClock, time: number, count: number, timeoutMs = 120_000): Promise<number> => {
  const deadline = Date.now() + timeoutMs;
  while (clock.sentAfter(time).filter((index) => successful(load.outcomes[index]!.status)).length < count) {
    if (Date.now() > deadline) {
      const statuses = load.outcomes.slice(-20).map(({ status }) => status);
      throw new Error(`the app did not answer ${count} bookings with 2xx within ${timeoutMs} ms after the crash; the last answers: ${statuses.join(',')}`);
    }
    await sleep(20);
  }
  return performance.now();
};

const report = async (measured: Record<string, unknown>): Promise<void> => {
  const folder = join(process.cwd(), 'test-artifacts');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'cluster-failover.json'), `${JSON.stringify({ ...measured, at: new Date().toISOString() }, null, 2)}\n`);
};
