import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { HttpReceiver } from '@libs/testing/http-receiver';
import { parseCloudEventType } from '@libs/event-model/event-stream';
import { REMINDER_STREAM } from '@stream/reminder.stream';
import { BenchStack } from './support/app-process';
import { cpuSeconds, rssMiB } from './support/proc-usage';
import type { BenchSection } from './support/results';
import { round, summarize, type LatencySummary } from './support/stats';

export interface TimersOptions {
  /** Reminders defined far ahead, left pending while the due ones fire. */
  readonly pending: number;
  /** Reminders coming due each second, for `seconds`. */
  readonly duePerSecond: number;
  readonly seconds: number;
  /** Definitions in flight at once. */
  readonly connections: number;
  /** Where the app writes a CPU profile (`--cpu-prof`), when set. */
  readonly cpuProfileDir?: string;
}

interface Definition {
  readonly seconds: number;
  readonly address: string;
}

/** Defines reminders with `connections` requests in flight; their count per second. */
const defineAll = async (baseUrl: string, count: number, connections: number, definitionAt: (index: number) => Definition): Promise<{ perSecond: number; failed: number }> => {
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) {
      const response = await fetch(`${baseUrl}/api/v1/reminders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(definitionAt(index)) });
      await response.arrayBuffer();
      if (response.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: connections }, lane));
  return { perSecond: round(count / ((performance.now() - started) / 1_000), 0), failed };
};

/** The share of the app's timers fired within each bucket of `timer_lateness_seconds`, from its metrics. */
const firedWithin = (metrics: string): { withinMs: number; share: number }[] => {
  const count = (le: string): number => Number(new RegExp(`^timer_lateness_seconds_bucket\\{le="${le}",slice="elapse-reminder"\\} (\\S+)$`, 'm').exec(metrics)?.[1] ?? 0);
  const total = count('\\+Inf');
  return ['0.01', '0.05', '0.1', '0.25', '0.5', '1'].map((le) => ({ withinMs: Number(le) * 1_000, share: total === 0 ? 0 : round((count(le) / total) * 100, 1) }));
};

/**
 * How late each due reminder's timer stored its event: from the `dueAt` of every `ReminderElapsed` to the time
 * JetStream stored it (the message's own timestamp, taken by the server).
 */
const elapsedStoredLateness = async (natsUrl: string): Promise<number[]> => {
  const connection = await connect({ servers: natsUrl, name: 'bench-timers-reader' });
  try {
    const consumer = await jetstream(connection).consumers.get(REMINDER_STREAM.name, { filter_subjects: REMINDER_STREAM.subjects[0], deliver_policy: DeliverPolicy.All });
    const lateness: number[] = [];
    for (let left = (await consumer.info(true)).num_pending; left > 0; ) {
      const batch = await consumer.fetch({ max_messages: Math.min(left, 1_000), expires: 5_000 });
      for await (const message of batch) {
        left = message.info.pending;
        const event = message.json<{ type?: string; data?: { dueAt?: string } }>();
        if (event.type !== undefined && parseCloudEventType(REMINDER_STREAM, event.type)?.type === 'ReminderElapsed' && event.data?.dueAt) lateness.push(Math.round(message.info.timestampNanos / 1e6 - Date.parse(event.data.dueAt)));
        if (left === 0) break;
      }
    }
    return lateness;
  } finally {
    await connection.close();
  }
};

/** The floor of lateness: in-process `setTimeout`s due at the same times, in this very process. */
const setTimeoutLateness = async (dueAt: readonly number[]): Promise<LatencySummary> => {
  const lateness: number[] = [];
  await Promise.all(dueAt.map((at) => new Promise<void>((resolve) => setTimeout(() => {
    lateness.push(Date.now() - at);
    resolve();
  }, Math.max(0, at - Date.now())))));
  return summarize(lateness);
};

/**
 * Durable timers under load, with reminders as the timers' users: `pending` reminders defined an hour ahead (the
 * rate, and the app's RSS before and after), then `duePerSecond` reminders coming due each second for `seconds`
 * while those wait: how late each callback reached a receiver started here, against in-process `setTimeout`s due
 * at the same times, and whether each reminder was called back exactly once.
 */
export const timersBench = async (options: TimersOptions): Promise<BenchSection> => {
  const receiver = await HttpReceiver.start();
  const stack = await BenchStack.start({ REMINDER_CALLBACK_ALLOW: 'public,127.0.0.0/8', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error' }, options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []);
  try {
    const rssBefore = round(rssMiB(stack.appPid), 0);
    const pending = await defineAll(stack.baseUrl, options.pending, options.connections, () => ({ seconds: 3_600, address: `${receiver.url}/later` }));
    await sleep(5_000);
    const rssAfterPending = round(rssMiB(stack.appPid), 0);

    const due = options.duePerSecond * options.seconds;
    // The first ones come due once they are all defined, at the rate the pending ones were.
    const firstDue = Date.now() + Math.ceil((due / Math.max(1, pending.perSecond)) * 1.5 + 5) * 1_000;
    const dueAtOf = (index: number): number => firstDue + Math.floor(index / options.duePerSecond) * 1_000;
    const definitions = await defineAll(stack.baseUrl, due, options.connections, (index) => ({
      seconds: Math.max(1, Math.round((dueAtOf(index) - Date.now()) / 1_000)),
      address: `${receiver.url}/due`,
    }));
    const cpuBefore = cpuSeconds(stack.appPid);
    const natsCpuBefore = cpuSeconds(stack.natsPid);
    const measuredFrom = Date.now();
    const floor = setTimeoutLateness(Array.from({ length: due }, (_, index) => dueAtOf(index)));

    const deadline = firstDue + options.seconds * 1_000 + 120_000;
    while (receiver.at('/due').length < due - definitions.failed && Date.now() < deadline) await sleep(500);
    const cpu = round(cpuSeconds(stack.appPid) - cpuBefore, 1);
    const natsCpu = round(cpuSeconds(stack.natsPid) - natsCpuBefore, 1);
    const window = round((Date.now() - measuredFrom) / 1_000, 0);
    const metrics = await (await fetch(`${stack.baseUrl}/metrics`)).text();
    const calls = receiver.at('/due');
    const perId = new Map<string, number>();
    for (const { headers } of calls) perId.set(String(headers['ce-id']), (perId.get(String(headers['ce-id'])) ?? 0) + 1);
    const lateness = summarize(calls.map(({ at, body }) => at - Date.parse((JSON.parse(body) as { dueAt: string }).dueAt)));
    const early = calls.filter(({ at, body }) => at < Date.parse((JSON.parse(body) as { dueAt: string }).dueAt)).length;
    const setTimeoutFloor = await floor;
    const stored = summarize(await elapsedStoredLateness(stack.natsUrl));
    const figures = {
      ...options,
      definePendingPerSecond: pending.perSecond,
      defineFailed: pending.failed + definitions.failed,
      rssMiB: { before: rssBefore, afterPending: rssAfterPending, afterDue: round(rssMiB(stack.appPid), 0) },
      calledBack: perId.size,
      calledBackOnce: [...perId.values()].filter((count) => count === 1).length,
      calledBackMoreThanOnce: [...perId.values()].filter((count) => count > 1).length,
      early,
      latenessMs: lateness,
      elapsedStoredLatenessMs: stored,
      setTimeoutLatenessMs: setTimeoutFloor,
      appCpuSeconds: cpu,
      natsServerCpuSeconds: natsCpu,
      firingWindowSeconds: window,
      calledBackPerSecond: round(calls.length / Math.max(0.001, (Math.max(...calls.map(({ at }) => at)) - firstDue) / 1_000), 0),
      timerFiredWithinMs: firedWithin(metrics),
      heapUsedMiB: round(Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(metrics)?.[1] ?? 0) / 2 ** 20, 0),
    };
    return {
      title: 'Timers: reminders coming due while many wait',
      command: 'npm run bench -- timers',
      figures,
      table: [
        ['measure', 'value'],
        [`define ${options.pending} reminders an hour ahead (${options.connections} in flight)`, `${pending.perSecond}/s`],
        ['app RSS: before, with them pending, after the due ones', `${rssBefore} / ${rssAfterPending} / ${figures.rssMiB.afterDue} MiB`],
        [`reminders due (${options.duePerSecond}/s for ${options.seconds} s): called back once / more than once / not at all`, `${figures.calledBackOnce} / ${figures.calledBackMoreThanOnce} / ${due - perId.size}`],
        ['callbacks before their due time', early],
        ['callbacks per second, from the first due time to the last callback', figures.calledBackPerSecond],
        ['lateness p50 / p99 / max (ms): timers, the due event (ReminderElapsed) stored', `${stored.p50} / ${stored.p99} / ${stored.max}`],
        ['lateness p50 / p99 / max (ms): callbacks', `${lateness.p50} / ${lateness.p99} / ${lateness.max}`],
        ['lateness p50 / p99 / max (ms): in-process setTimeout, same due times', `${setTimeoutFloor.p50} / ${setTimeoutFloor.p99} / ${setTimeoutFloor.max}`],
        ['timers fired (the due command begun) within 10 / 50 / 100 / 250 / 500 / 1000 ms of their due time', figures.timerFiredWithinMs.map(({ share }) => `${share}%`).join(' / ')],
        ['CPU from the due ones defined to their last callback: app / nats-server', `${cpu} s / ${natsCpu} s over ${window} s`],
      ],
      notes: [
        'One app process (dist/app/main.js) on a fresh nats-server (file storage, loopback); the receiver and the load run in the bench process, and so do the floor\'s timers.',
        'A timer\'s lateness runs from a reminder\'s due time to its ReminderElapsed stored (JetStream\'s own timestamp of the message); a callback\'s, to the POST reaching the receiver: the timer, then the effect consumer reading the event, the POST.',
        'The due ones are defined to come due from a common start, the given count each second; their delays are whole seconds, so each second\'s batch comes due within that second.',
      ],
    };
  } finally {
    await stack.stop();
    await receiver.stop();
  }
};
