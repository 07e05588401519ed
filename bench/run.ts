import 'reflect-metadata';
import { emmettBench } from './emmett.bench';
import { commandLatencyBench } from './command-latency.bench';
import { contentionBench } from './contention.bench';
import { liveViewsBench } from './live-views.bench';
import { natsCommandsBench } from './nats-commands.bench';
import { notificationsBench } from './notifications.bench';
import { projectionBench } from './projection.bench';
import { pagerBench } from './pager.bench';
import { publishRatesBench } from './publish-rates.bench';
import { soakBench } from './soak.bench';
import { throughputBench } from './throughput.bench';
import { timersBench } from './timers.bench';
import { groupCheckoutBench } from './group-checkout.bench';
import { record, type BenchSection } from './support/results';

/**
 * `npm run bench [-- <name>...]`: runs the named benchmarks (all by default), each against
 * servers it starts itself, and records their figures in bench/results/<date>.json and .md.
 */
/** Seconds of each measured load run: `BENCH_SECONDS` shortens them while developing. */
const seconds = (standard: number): number => Number(process.env.BENCH_SECONDS ?? standard);

const BENCHES: Record<string, () => Promise<BenchSection>> = {
  'live-views': () => liveViewsBench({ commands: 1_000, warmup: 50, ratePerSecond: 50, clientCounts: [1, 100] }),
  projection: () =>
    projectionBench({
      events: Number(process.env.BENCH_PROJECTION_EVENTS ?? 1_000_000),
      lagSeconds: Number(process.env.BENCH_PROJECTION_LAG_SECONDS ?? 10),
      loadFractions: [0.1, 0.5, 0.9],
    }),
  'publish-rates': () => publishRatesBench({ messages: 20_000, window: 256 }),
  throughput: () =>
    throughputBench({ connections: 50, durationSeconds: seconds(10), warmupSeconds: 2, cpuProfileDir: process.env.BENCH_CPU_PROF }),
  timers: () =>
    timersBench({
      pending: Number(process.env.BENCH_TIMERS_PENDING ?? 100_000),
      duePerSecond: Number(process.env.BENCH_TIMERS_PER_SECOND ?? 1_000),
      seconds: seconds(60),
      connections: 50,
      cpuProfileDir: process.env.BENCH_CPU_PROF,
    }),
  notifications: () =>
    notificationsBench({
      recipients: 100,
      notifications: Number(process.env.BENCH_NOTIFICATIONS ?? 3_000),
      perSecond: Number(process.env.BENCH_NOTIFICATIONS_PER_SECOND ?? 50),
      burst: Number(process.env.BENCH_NOTIFICATIONS_BURST ?? 2_000),
      connections: 20,
      floorDeliveries: 500,
    }),
  'group-checkout': () => groupCheckoutBench({ largeGroups: 5, largeSize: 100, smallGroups: 1_000, smallSize: 5, connections: 50 }),
  'nats-commands': () => natsCommandsBench({ connections: 50, durationSeconds: seconds(10), warmupSeconds: 2 }),
  emmett: () => emmettBench({ connections: 50, durationSeconds: seconds(10), warmupSeconds: 2 }),
  soak: () =>
    soakBench({
      minutes: Number(process.env.SOAK_MINUTES ?? 10),
      ratePerSecond: process.env.SOAK_RATE ? Number(process.env.SOAK_RATE) : undefined,
      intervalSeconds: Number(process.env.SOAK_INTERVAL_SECONDS ?? 30),
      connections: 20,
    }),
  'command-latency': () =>
    commandLatencyBench({
      streamSizes: (process.env.BENCH_STREAM_SIZES ?? '0,100000,1000000').split(',').map(Number),
      ratePerSecond: 200,
      seconds: seconds(10),
      warmupSeconds: 2,
    }),
  contention: () => contentionBench({ connections: 50, durationSeconds: seconds(10), warmupSeconds: 2, contenders: [2, 10, 50] }),
  pager: () =>
    pagerBench({
      services: Number(process.env.BENCH_PAGER_SERVICES ?? 1_000),
      connections: 50,
      ackTimeoutSeconds: 5,
      bundleMs: process.env.BENCH_PAGER_BUNDLE_MS ? Number(process.env.BENCH_PAGER_BUNDLE_MS) : undefined,
    }),
};

const main = async (): Promise<void> => {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
    process.stdout.write(`bench ${name}: running\n`);
    const section = await BENCHES[name]!();
    const file = record(name, section);
    process.stdout.write(`bench ${name}: ${JSON.stringify(section.table)}\nrecorded in ${file}\n`);
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
