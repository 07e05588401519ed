import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PacedResult {
  /** Milliseconds from sending a request to its full answer, one per request. */
  readonly latenciesMs: number[];
  /** How many answers had each status. */
  readonly statuses: Record<number, number>;
}

/**
 * Sends `count` PUTs at a fixed rate, each on schedule whether or not earlier ones have been
 * answered (an open loop: a slow answer does not delay the next request, nor hide its own delay).
 * `answered`, when given, is called with each answer as soon as it has been read, for a bench that
 * looks at answers or times what follows them.
 */
export const paced = async (
  baseUrl: string,
  path: string,
  count: number,
  ratePerSecond: number,
  bodyAt: (index: number) => string,
  answered?: (index: number, status: number, body: string) => void,
): Promise<PacedResult> => {
  const latenciesMs: number[] = [];
  const statuses: Record<number, number> = {};
  const send = async (index: number): Promise<void> => {
    const body = bodyAt(index);
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
    const answer = await response.arrayBuffer();
    latenciesMs.push(performance.now() - started);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    answered?.(index, response.status, Buffer.from(answer).toString('utf8'));
  };
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < count; index++) {
    const wait = start + (index * 1_000) / ratePerSecond - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(send(index));
  }
  await Promise.all(inFlight);
  return { latenciesMs, statuses };
};
