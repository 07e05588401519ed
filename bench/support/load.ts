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
}

/**
 * Drives one endpoint with a fixed number of connections: a warmup run (JIT, pools, caches), then
 * the measured run, over which the app's CPU is taken from /proc. autocannon runs in this process,
 * so the app under load has its own CPU, not the load generator's.
 */
export const drive = async (baseUrl: string, appPid: number, request: LoadRequest, options: LoadOptions): Promise<LoadFigures> => {
  await cannon(baseUrl, request, options.connections, options.warmupSeconds);
  const cpuBefore = cpuSeconds(appPid);
  const result = await cannon(baseUrl, request, options.connections, options.durationSeconds);
  const cpu = cpuSeconds(appPid) - cpuBefore;
  return {
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.total / result.duration, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    appCpuCores: round(cpu / result.duration, 2),
    appRssMiB: round(rssMiB(appPid), 0),
  };
};

const cannon = (baseUrl: string, request: LoadRequest, connections: number, durationSeconds: number): Promise<autocannon.Result> =>
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
      },
    ],
  });
