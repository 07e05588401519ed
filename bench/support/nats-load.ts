import { performance } from 'node:perf_hooks';
import { connect } from '@nats-io/transport-node';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import { cpuSeconds, rssMiB } from './proc-usage';
import type { LoadFigures, LoadOptions, LoadPids } from './load';
import { round, summarize } from './stats';

export interface NatsLoadRequest {
  readonly subject: string;
  /** The JSON body of the next request; called once per request, so each can differ. */
  readonly body: () => string;
  /** Whether a reply counts as a success: the app's replies carry a `Status` header, the floor's none. */
  readonly succeeded: (status: string | undefined) => boolean;
}

/**
 * Drives a NATS request/reply subject the way `drive` drives an HTTP route: `connections` requests
 * in flight at all times, from one NATS connection in this process; a warmup run, then the measured
 * run, over which the app's and the nats-server's CPU is taken from /proc.
 */
export const driveNats = async (natsUrl: string, pids: LoadPids, request: NatsLoadRequest, options: LoadOptions): Promise<LoadFigures> => {
  const connection = await connect({ servers: natsUrl, noAsyncTraces: true });
  try {
    await requestsFor(connection, request, options.connections, options.warmupSeconds);
    const cpuBefore = cpuSeconds(pids.app);
    const natsCpuBefore = pids.nats === undefined ? 0 : cpuSeconds(pids.nats);
    const run = await requestsFor(connection, request, options.connections, options.durationSeconds);
    const cpu = cpuSeconds(pids.app) - cpuBefore;
    const natsCpu = pids.nats === undefined ? undefined : cpuSeconds(pids.nats) - natsCpuBefore;
    const latency = summarize(run.latencies);
    return {
      requests: run.latencies.length,
      requestsPerSecond: round(run.latencies.length / run.seconds, 0),
      p50Ms: latency.p50,
      p99Ms: latency.p99,
      non2xx: run.failed,
      errors: run.errors,
      appCpuCores: round(cpu / run.seconds, 2),
      appRssMiB: round(rssMiB(pids.app), 0),
      ...(natsCpu === undefined ? {} : { natsCpuCores: round(natsCpu / run.seconds, 2) }),
    };
  } finally {
    await connection.close();
  }
};

interface Run {
  readonly latencies: number[];
  readonly failed: number;
  readonly errors: number;
  readonly seconds: number;
}

/** `lanes` closed loops of requests for `seconds`: each sends its next request as soon as its last one is answered. */
const requestsFor = async (connection: NatsConnection, request: NatsLoadRequest, lanes: number, seconds: number): Promise<Run> => {
  const latencies: number[] = [];
  let failed = 0;
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1_000;
  const lane = async (): Promise<void> => {
    while (performance.now() < until) {
      const sent = performance.now();
      const headers = natsHeaders();
      try {
        const reply = await connection.request(request.subject, request.body(), { timeout: 10_000, headers });
        latencies.push(performance.now() - sent);
        if (!request.succeeded(reply.headers?.get('Status') || undefined)) failed++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return { latencies, failed, errors, seconds: (performance.now() - started) / 1_000 };
};
