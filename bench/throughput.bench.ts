import { FloorStack } from './floor/floor-stack';
import { BenchStack } from './support/app-process';
import { distinctBookings } from './support/bookings';
import { drive, type LoadFigures, type LoadOptions } from './support/load';
import type { BenchSection } from './support/results';
import { round } from './support/stats';

export interface ThroughputOptions extends LoadOptions {
  /** A folder for V8 CPU profiles of both apps (`BENCH_CPU_PROF`); profiling slows them down. */
  readonly cpuProfileDir?: string;
}

/**
 * The command path against its floor, in one run: the floor (a bare Nest + Fastify app doing one
 * JetStream publish per PUT), then the real app booking distinct room-days, under the same load.
 * The ratio of their request rates says how much the command path costs above the floor.
 */
export const throughputBench = async (options: ThroughputOptions): Promise<BenchSection> => {
  const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const floor = await measureFloor(options, nodeArgs);
  const command = await measureCommandPath(options, nodeArgs);
  const split = await measureSplitCommandPath(options, nodeArgs);
  if (command.non2xx > 0 || command.errors > 0) {
    throw new Error(`the command path answered ${command.non2xx} non-2xx and had ${command.errors} errors: ${JSON.stringify(command)}`);
  }
  const ratio = round(command.requestsPerSecond / floor.requestsPerSecond, 2);
  const splitRatio = round(split.requestsPerSecond / floor.requestsPerSecond, 2);
  const row = (name: string, figures: LoadFigures): (string | number)[] => [
    name,
    figures.requestsPerSecond,
    figures.p50Ms,
    figures.p99Ms,
    figures.non2xx,
    figures.appCpuCores,
    figures.appRssMiB,
    figures.natsCpuCores ?? '',
    figures.workerCpuCores ?? '',
  ];
  return {
    title: 'Throughput: command path against the floor',
    command: 'npm run bench -- throughput',
    figures: { ...options, floor, commandPath: command, ratio, splitCommandPath: split, splitRatio, target: 0.8 },
    table: [
      ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'app CPU (cores)', 'app RSS MiB', 'nats-server CPU (cores)', 'worker CPU (cores)'],
      row('floor: PUT /floor (Nest + Fastify, one js.publish)', floor),
      row('command path: PUT /mutation/book-room, one instance running everything', command),
      ['ratio command path ÷ floor (target ≥ 0.8)', ratio, '', '', '', '', '', '', ''],
      row('command path, split: a front instance without views and bot, a worker instance running them', split),
      ['ratio split command path ÷ floor', splitRatio, '', '', '', '', '', '', ''],
    ],
    notes: [
      `autocannon, ${options.connections} connections, ${options.warmupSeconds} s warmup then ${options.durationSeconds} s measured, in the bench process; each app is its own process on its own fresh nats-server (file storage, loopback).`,
      'Floor: bench/floor/floor.app.ts, one awaited js.publish of the JSON body to a new subject per request, no headers, 201 with the sequence.',
      'Command path: dist/app/main.js with the demo hotel; every request books a distinct room-day (rooms 1-5, dates from 2000-01-01 on), so each is a new entity and a 201.',
      'App and nats-server CPU: utime + stime from /proc/<pid>/stat over the measured run, per second of it; RSS: VmRSS at its end. The app also runs its views and its automation on what it books; the floor has none.',
      'Split: the front runs with RUN_VIEW_PROJECTORS=false and RUN_AUTOMATIONS=false and takes the load; a second instance on the same nats-server runs the views and the bot (its CPU: worker CPU). Both share the machine\'s cores with the nats-server and the load generator.',
      ...(options.cpuProfileDir ? [`Run with CPU profiling (--cpu-prof into ${options.cpuProfileDir}): figures are slower than without.`] : []),
    ],
  };
};

/** The floor under the load: a bare Nest + Fastify PUT doing one awaited JetStream publish. */
export const measureFloor = async (options: LoadOptions, nodeArgs: readonly string[] = []): Promise<LoadFigures> => {
  const stack = await FloorStack.start(nodeArgs);
  try {
    const body = JSON.stringify({ data: { room: { id: '1' }, client: { id: 'bench' }, date: '2000-01-01' } });
    return await drive(stack.baseUrl, { app: stack.appPid, nats: stack.natsPid }, { method: 'PUT', path: '/floor', body: () => body }, options);
  } finally {
    await stack.stop();
  }
};

/** The same load on a front instance that leaves its views and bot to a worker instance beside it. */
const measureSplitCommandPath = async (options: LoadOptions, nodeArgs: readonly string[]): Promise<LoadFigures> => {
  const worker = await BenchStack.start();
  try {
    const front = await worker.alongside({ RUN_VIEW_PROJECTORS: 'false', RUN_AUTOMATIONS: 'false' }, nodeArgs);
    try {
      const body = distinctBookings();
      return await drive(front.baseUrl, { app: front.appPid, nats: worker.natsPid, worker: worker.appPid }, { method: 'PUT', path: '/mutation/book-room', body }, options);
    } finally {
      await front.stop();
    }
  } finally {
    await worker.stop();
  }
};

const measureCommandPath = async (options: LoadOptions, nodeArgs: readonly string[]): Promise<LoadFigures> => {
  const stack = await BenchStack.start({}, nodeArgs);
  try {
    const body = distinctBookings();
    return await drive(stack.baseUrl, { app: stack.appPid, nats: stack.natsPid }, { method: 'PUT', path: '/mutation/book-room', body }, options);
  } finally {
    await stack.stop();
  }
};
