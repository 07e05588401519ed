import autocannon from 'autocannon';
import { cpuSeconds, rssMiB } from './proc-usage';
import { round } from './stats';

export interface LoadOptions {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
}

export interface LoadRequest {
  readonly method: 'PUT';
  readonly path: string;
  /** The JSON body of the next request; called once per request, so each can differ. */
  readonly body: () => string;
  /** Called with every response's status and body, when the bench looks at answers. */
  readonly onResponse?: (status: number, body: string) => void;
}

export interface LoadFigures {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  /** The app's CPU over the measured run, in cores (1 = one core busy all the time). */
  readonly appCpuCores: number;
  readonly appRssMiB: number;
  /** The nats-server's CPU over the measured run, in cores, when its pid was given. */
  readonly natsCpuCores?: number;
  /** The CPU of an app instance running the views and automations for the one under load, when there is one. */
  readonly workerCpuCores?: number;
}

/** The processes whose CPU a load run measures. */
export interface LoadPids {
  readonly app: number;
  /** The app's nats-server; a peer on another store measures its store itself. */
  readonly nats?: number;
  /** An app instance running the views and automations for the one under load. */
  readonly worker?: number;
}

/**
 * Drives one endpoint with a fixed number of connections: a warmup run (JIT, pools, caches), then
 * the measured run, over which the app's and the nats-server's CPU is taken from /proc. autocannon runs in this process,
 * so the app under load has its own CPU, not the load generator's.
 */
export const drive = async (baseUrl: string, pids: LoadPids, request: LoadRequest, options: LoadOptions): Promise<LoadFigures> => {
  await cannon(baseUrl, request, options.connections, options.warmupSeconds);
  const cpuBefore = cpuSeconds(pids.app);
  const natsCpuBefore = pids.nats === undefined ? 0 : cpuSeconds(pids.nats);
  const workerCpuBefore = pids.worker === undefined ? 0 : cpuSeconds(pids.worker);
  const result = await cannon(baseUrl, request, options.connections, options.durationSeconds);
  const cpu = cpuSeconds(pids.app) - cpuBefore;
  const natsCpu = pids.nats === undefined ? undefined : cpuSeconds(pids.nats) - natsCpuBefore;
  const workerCpu = pids.worker === undefined ? undefined : cpuSeconds(pids.worker) - workerCpuBefore;
  return {
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.total / result.duration, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    appCpuCores: round(cpu / result.duration, 2),
    appRssMiB: round(rssMiB(pids.app), 0),
    ...(natsCpu === undefined ? {} : { natsCpuCores: round(natsCpu / result.duration, 2) }),
    ...(workerCpu === undefined ? {} : { workerCpuCores: round(workerCpu / result.duration, 2) }),
  };
};

/** One autocannon run of `durationSeconds` against one endpoint, with `connections` requests in flight. */
export const cannon = (baseUrl: string, request: LoadRequest, connections: number, durationSeconds: number): Promise<autocannon.Result> =>
  autocannon({
    url: baseUrl,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (sent) => ({ ...sent, body: request.body() }),
        ...(request.onResponse ? { onResponse: (status: number, body: string) => request.onResponse?.(status, body) } : {}),
      },
    ],
  });
