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
 * PostgreSQL event store and Express.js integration), in one run and under the same load: every
 * request books a distinct room-day on a fresh store. Ours is reported as ratios to Emmett's.
 */
export const emmettBench = async (options: LoadOptions): Promise<BenchSection> => {
  const { figures: emmett, postgres } = await measureEmmett({}, options);
  const { figures: emmettAsync } = await measureEmmett({ synchronous_commit: 'off' }, options);
  const ourStack = await BenchStack.start();
  const natsServer = childNamed('nats-server');
  if (natsServer === undefined) throw new Error('the bench stack has no nats-server child');
  const ours = await measure(ourStack.baseUrl, ourStack.appPid, natsServer, options).finally(() => ourStack.stop());
  const floor = await measureFloor(options);
  for (const [name, figures] of [['Emmett', emmett], ['Emmett, synchronous_commit off', emmettAsync], ['ours', ours]] as const) {
    if (figures.non2xx > 0 || figures.errors > 0) throw new Error(`${name} answered ${figures.non2xx} non-2xx and had ${figures.errors} errors`);
  }
  const throughputRatio = round(ours.requestsPerSecond / emmett.requestsPerSecond, 2);
  const p99Ratio = round(ours.p99Ms / emmett.p99Ms, 2);
  const asyncThroughputRatio = round(ours.requestsPerSecond / emmettAsync.requestsPerSecond, 2);
  const asyncP99Ratio = round(ours.p99Ms / emmettAsync.p99Ms, 2);
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
      ours,
      floor,
      throughputRatio,
      p99Ratio,
      asyncThroughputRatio,
      asyncP99Ratio,
      target: { throughputRatio: 2, p99Ratio: 1 },
    },
    table: [
      ['PUT /mutation/book-room, distinct room-days', 'req/s', 'p50 ms', 'p99 ms', 'app CPU (cores)', 'store CPU (cores)', 'app RSS MiB'],
      row('Emmett 0.42 + PostgreSQL store + Express.js', emmett),
      row('the same, PostgreSQL synchronous_commit off', emmettAsync),
      row('ours: NestJS + JetStream', ours),
      [
        'floor: bare Nest + Fastify PUT, one js.publish',
        floor.requestsPerSecond,
        floor.p50Ms,
        floor.p99Ms,
        floor.appCpuCores,
        floor.natsCpuCores ?? '',
        floor.appRssMiB,
      ],
      ['ours ÷ Emmett (target: req/s ≥ 2, p99 ≤ 1)', throughputRatio, '', p99Ratio, '', '', ''],
      ['ours ÷ Emmett, synchronous_commit off', asyncThroughputRatio, '', asyncP99Ratio, '', '', ''],
    ],
    notes: [
      `autocannon, ${options.connections} connections, ${options.warmupSeconds} s warmup then ${options.durationSeconds} s measured, in the bench process; each app is its own process on its own fresh store (loopback), one after the other, Emmett first.`,
      `Emmett peer: bench/peers/emmett (tsx, ES modules) on ${postgres} with its default settings (a temp data folder, fsync and synchronous commit on, the pg pool's 10 connections); the schedule-cleaning reactor runs during the load, as our bot does.`,
      'synchronous_commit off: a commit returns before its WAL is flushed to disk, about the durability of nats-server, which does not sync each message to disk by default; the ratio the target is read against is the first one, with PostgreSQL as installed.',
      'Ours: dist/app/main.js with the demo hotel on nats-server (file storage). Floor: bench/floor (see the throughput bench), last in the run.',
      'App CPU: utime + stime of the app process over the measured run; store CPU: the store server (PostgreSQL with its backends, or nats-server) over warmup and run.',
    ],
    charts: [
      {
        name: 'throughput',
        svg: barChart({
          title: 'PUT /mutation/book-room: requests per second',
          yLabel: 'requests/s',
          groups: [
            { label: 'Emmett + PostgreSQL', values: { 'req/s': emmett.requestsPerSecond } },
            { label: 'ours', values: { 'req/s': ours.requestsPerSecond } },
            { label: 'floor', values: { 'req/s': floor.requestsPerSecond } },
          ],
        }),
      },
      {
        name: 'p99',
        svg: barChart({
          title: 'PUT /mutation/book-room: latency (ms)',
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
  options: LoadOptions,
): Promise<{ figures: PeerFigures; postgres: string }> => {
  const stack = await EmmettStack.start(postgresSettings);
  try {
    return { figures: await measure(stack.baseUrl, stack.appPid, stack.databasePid, options), postgres: stack.databaseVersion };
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
