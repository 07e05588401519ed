import { EmmettStack } from './peers/emmett/emmett-stack';
import { childNamed, treeCpuSeconds } from './peers/emmett/process-tree';
import { measureFloor } from './throughput.bench';
import { BenchStack } from './support/app-process';
import { distinctBookings } from './support/bookings';
import { barChart } from './support/chart';
import { drive, type LoadFigures, type LoadOptions } from './support/load';
import type { BenchSection } from './support/results';
import { round } from './support/stats';

/** A run's load figures with the CPU of the event store's server (its whole process tree) beside the app's. */
interface PeerFigures extends LoadFigures {
  /** Averaged over warmup and measured run together: both carry the same load. */
  readonly storeCpuCores: number;
}

/**
 * Our command path against the Emmett peer (bench/peers/emmett: Emmett's command handler, its
 * PostgreSQL event store and Express.js integration, the bot as a reactor, the two views a booking
 * changes as inline Pongo projections), in one run and under the same load: every request books a
 * distinct room-day on a fresh store. Ours is reported as ratios to Emmett's, doing the same work:
 * both with their views, and both without.
 */
export const emmettBench = async (options: LoadOptions): Promise<BenchSection> => {
  const { figures: emmett, postgres } = await measureEmmett({}, {}, options);
  const { figures: emmettAsync } = await measureEmmett({ synchronous_commit: 'off' }, {}, options);
  const { figures: emmettBare } = await measureEmmett({}, { PEER_VIEWS: 'none' }, options);
  const ours = await measureOurs({}, options);
  const oursBare = await measureOurs({ RUN_VIEW_PROJECTORS: 'false' }, options);
  const floor = await measureFloor(options);
  const runs = [
    ['Emmett', emmett],
    ['Emmett, synchronous_commit off', emmettAsync],
    ['Emmett without views', emmettBare],
    ['ours', ours],
    ['ours without views', oursBare],
  ] as const;
  for (const [name, figures] of runs) {
    if (figures.non2xx > 0 || figures.errors > 0) throw new Error(`${name} answered ${figures.non2xx} non-2xx and had ${figures.errors} errors`);
  }
  const ratios = (mine: PeerFigures, theirs: PeerFigures) => ({
    throughput: round(mine.requestsPerSecond / theirs.requestsPerSecond, 2),
    p99: round(mine.p99Ms / theirs.p99Ms, 2),
  });
  const withViews = ratios(ours, emmett);
  const withViewsAsync = ratios(ours, emmettAsync);
  const withoutViews = ratios(oursBare, emmettBare);
  const row = (name: string, figures: PeerFigures): (string | number)[] => [
    name,
    figures.requestsPerSecond,
    figures.p50Ms,
    figures.p99Ms,
    figures.appCpuCores,
    figures.storeCpuCores,
    figures.appRssMiB,
  ];
  return {
    title: 'Throughput: our command path against the Emmett peer and the floor',
    command: 'npm run bench -- emmett',
    figures: {
      ...options,
      postgres,
      emmett,
      emmettSynchronousCommitOff: emmettAsync,
      emmettWithoutViews: emmettBare,
      ours,
      oursWithoutViews: oursBare,
      floor,
      throughputRatio: withViews.throughput,
      p99Ratio: withViews.p99,
      asyncThroughputRatio: withViewsAsync.throughput,
      asyncP99Ratio: withViewsAsync.p99,
      withoutViewsThroughputRatio: withoutViews.throughput,
      withoutViewsP99Ratio: withoutViews.p99,
      target: { throughputRatio: 2, p99Ratio: 1 },
    },
    table: [
      ['PUT /mutation/book-room, distinct room-days', 'req/s', 'p50 ms', 'p99 ms', 'app CPU (cores)', 'store CPU (cores)', 'app RSS MiB'],
      row('Emmett 0.42 + PostgreSQL store + Express.js, bot, 2 inline Pongo views', emmett),
      row('the same, PostgreSQL synchronous_commit off', emmettAsync),
      row('Emmett, bot, no views', emmettBare),
      row('ours: NestJS + JetStream, bot, its 3 views', ours),
      row('ours, bot, no views (RUN_VIEW_PROJECTORS=false)', oursBare),
      [
        'floor: bare Nest + Fastify PUT, one js.publish',
        floor.requestsPerSecond,
        floor.p50Ms,
        floor.p99Ms,
        floor.appCpuCores,
        floor.natsCpuCores ?? '',
        floor.appRssMiB,
      ],
      ['ours ÷ Emmett, both with views (target: req/s ≥ 2, p99 ≤ 1)', withViews.throughput, '', withViews.p99, '', '', ''],
      ['ours ÷ Emmett with synchronous_commit off, both with views', withViewsAsync.throughput, '', withViewsAsync.p99, '', '', ''],
      ['ours ÷ Emmett, both without views', withoutViews.throughput, '', withoutViews.p99, '', '', ''],
    ],
    notes: [
      `autocannon, ${options.connections} connections, ${options.warmupSeconds} s warmup then ${options.durationSeconds} s measured, in the bench process; each app is its own process on its own fresh store (loopback), one after the other, Emmett first.`,
      `Emmett peer: bench/peers/emmett (tsx, ES modules) on ${postgres} with its default settings (a temp data folder, fsync and synchronous commit on, the pg pool's 10 connections); the schedule-cleaning reactor runs during the load, as our bot does. Its views (booking-board, cleanup-schedule) are Pongo documents kept by inline projections, in the append's transaction, as Emmett's documentation writes read models on PostgreSQL; after each run with views the bench checks that booking-board holds a document for every booking.`,
      'synchronous_commit off: a commit returns before its WAL is flushed to disk, about the durability of nats-server, which does not sync each message to disk by default; the ratio the target is read against is the first one, with PostgreSQL as installed.',
      'Ours: dist/app/main.js with the demo hotel on nats-server (file storage), one process running the commands, the bot and (unless RUN_VIEW_PROJECTORS=false) its views. Floor: bench/floor (see the throughput bench), last in the run.',
      'App CPU: utime + stime of the app process over the measured run; store CPU: the store server (PostgreSQL with its backends, or nats-server) over warmup and run.',
    ],
    charts: [
      {
        name: 'throughput',
        svg: barChart({
          title: 'PUT /mutation/book-room: requests per second',
          yLabel: 'requests/s',
          groups: [
            { label: 'Emmett + PostgreSQL', values: { 'with views': emmett.requestsPerSecond, 'without views': emmettBare.requestsPerSecond } },
            { label: 'ours', values: { 'with views': ours.requestsPerSecond, 'without views': oursBare.requestsPerSecond } },
            { label: 'floor', values: { 'without views': floor.requestsPerSecond } },
          ],
        }),
      },
      {
        name: 'p99',
        svg: barChart({
          title: 'PUT /mutation/book-room with views: latency (ms)',
          yLabel: 'ms',
          groups: [
            { label: 'Emmett + PostgreSQL', values: { p50: emmett.p50Ms, p99: emmett.p99Ms } },
            { label: 'ours', values: { p50: ours.p50Ms, p99: ours.p99Ms } },
            { label: 'floor', values: { p50: floor.p50Ms, p99: floor.p99Ms } },
          ],
        }),
      },
    ],
  };
};

const measureEmmett = async (
  postgresSettings: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string>>,
  options: LoadOptions,
): Promise<{ figures: PeerFigures; postgres: string }> => {
  const stack = await EmmettStack.start(postgresSettings, env);
  try {
    const figures = await measure(stack.baseUrl, stack.appPid, stack.databasePid, options);
    if (env.PEER_VIEWS !== 'none') await expectBoardDocuments(stack.baseUrl, figures.requests);
    return { figures, postgres: stack.databaseVersion };
  } finally {
    await stack.stop();
  }
};

/** The peer's inline views are written with each append: its board must hold a document per booking. */
const expectBoardDocuments = async (baseUrl: string, atLeast: number): Promise<void> => {
  const { count } = (await (await fetch(`${baseUrl}/views/booking-board/count`)).json()) as { count: number };
  if (count < atLeast) throw new Error(`the Emmett peer's booking-board holds ${count} documents after ${atLeast} bookings: its views were not kept`);
};

const measureOurs = async (env: Readonly<Record<string, string>>, options: LoadOptions): Promise<PeerFigures> => {
  const stack = await BenchStack.start(env);
  try {
    const natsServer = childNamed('nats-server');
    if (natsServer === undefined) throw new Error('the bench stack has no nats-server child');
    return await measure(stack.baseUrl, stack.appPid, natsServer, options);
  } finally {
    await stack.stop();
  }
};

const measure = async (baseUrl: string, appPid: number, storePid: number, options: LoadOptions): Promise<PeerFigures> => {
  const body = distinctBookings();
  const storeCpuBefore = treeCpuSeconds(storePid);
  const startedAt = performance.now();
  const figures = await drive(baseUrl, { app: appPid }, { method: 'PUT', path: '/mutation/book-room', body }, options);
  const storeCpu = treeCpuSeconds(storePid) - storeCpuBefore;
  return { ...figures, storeCpuCores: round(storeCpu / ((performance.now() - startedAt) / 1000), 2) };
};
