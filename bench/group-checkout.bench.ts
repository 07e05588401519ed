import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { BenchStack } from './support/app-process';
import { inLanes } from './support/lanes';
import { cpuSeconds } from './support/proc-usage';
import type { BenchSection } from './support/results';
import { round } from './support/stats';

export interface GroupCheckoutOptions {
  /** Large groups merged one after another, and their size. */
  readonly largeGroups: number;
  readonly largeSize: number;
  /** Small groups selected at once, and their size. */
  readonly smallGroups: number;
  readonly smallSize: number;
  /** Requests in flight while stays are opened and groups selected. */
  readonly connections: number;
}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * The merge-stays process end to end through the app: a group of `largeSize` stays from its selection to its
 * view showing it `ready` (every stay transferred and recorded), one group after another; then `smallGroups`
 * groups of `smallSize` selected at once, groups merged per second. The floor, in the same run on the same
 * nats-server: the same number of JetStream appends (one per stay, one to record) published from the bench
 * process with the process's 8 in flight, and no decision, read or view.
 */
export const groupCheckoutBench = async (options: GroupCheckoutOptions): Promise<BenchSection> => {
  const stack = await BenchStack.start({ LOG_LEVEL: 'error' });
  try {
    const send = async (method: 'PUT' | 'GET', path: string, data?: unknown): Promise<Answer> => {
      const response = await fetch(`${stack.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: data === undefined ? undefined : JSON.stringify({ data }) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const openStays = async (prefix: string, count: number): Promise<string[]> => {
      const stays = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
      await inLanes(stays, options.connections, async (stay) => {
        const charged = await send('PUT', '/mutation/charge-guest-stay', { stay: { id: stay }, charge: { id: 'room' }, amount: 12_000 });
        if (charged.status !== 201) throw new Error(`charging ${stay} answered ${charged.status}: ${JSON.stringify(charged.body)}`);
      });
      return stays;
    };
    /** Selects the stays into the group and waits until its view shows every one of them merged. */
    const merge = async (group: string, stays: readonly string[]): Promise<void> => {
      const selected = await send('PUT', '/mutation/select-group-checkout-stays', { group: { id: group }, stays: stays.map((id) => ({ id })) });
      if (selected.status !== 201) throw new Error(`selecting into ${group} answered ${selected.status}: ${JSON.stringify(selected.body)}`);
      for (;;) {
        const shown = await send('GET', `/query/group-checkout/${group}?sequence=${String(selected.body.sequence)}`);
        const view = shown.body.view as { status: string; merged: unknown[] } | undefined;
        if (view && view.status !== 'merging') {
          if (view.merged.length !== stays.length) throw new Error(`${group} merged ${view.merged.length} of its ${stays.length} stays`);
          return;
        }
        await sleep(5);
      }
    };

    const large: number[] = [];
    for (let index = 0; index < options.largeGroups; index++) {
      const stays = await openStays(`large-${index}`, options.largeSize);
      const started = performance.now();
      await merge(`large-${index}`, stays);
      large.push(round(performance.now() - started, 0));
    }

    const small = Array.from({ length: options.smallGroups }, (_, index) => `small-${index}`);
    const staysOf = new Map<string, string[]>();
    const opened = await openStays('small', options.smallGroups * options.smallSize);
    small.forEach((group, index) => staysOf.set(group, opened.slice(index * options.smallSize, (index + 1) * options.smallSize)));
    const cpuBefore = cpuSeconds(stack.appPid);
    const started = performance.now();
    await inLanes(small, options.connections, (group) => merge(group, staysOf.get(group)!));
    const smallSeconds = (performance.now() - started) / 1_000;
    const appCpu = round(cpuSeconds(stack.appPid) - cpuBefore, 1);

    const floor = await appendFloor(stack.natsUrl, options.largeSize);
    const median = [...large].sort((left, right) => left - right)[Math.floor(large.length / 2)]!;
    const figures = {
      ...options,
      largeGroupMs: large,
      largeGroupMedianMs: median,
      floorMs: floor,
      smallGroupsPerSecond: round(options.smallGroups / smallSeconds, 0),
      smallStaysPerSecond: round((options.smallGroups * options.smallSize) / smallSeconds, 0),
      appCpuSecondsSmall: appCpu,
    };
    return {
      title: 'Group checkout: the merge-stays process end to end',
      command: 'npm run bench -- group-checkout',
      figures,
      table: [
        ['measure', 'value'],
        [`a group of ${options.largeSize} stays, selection to ready (ms, each of ${options.largeGroups})`, large.join(' / ')],
        [`floor: ${options.largeSize + 1} JetStream appends from the bench process, 8 in flight (ms)`, floor],
        ['ratio: median group ÷ floor', round(median / floor, 1)],
        [`${options.smallGroups} groups of ${options.smallSize} selected ${options.connections} at a time: groups/s (stays/s)`, `${figures.smallGroupsPerSecond} (${figures.smallStaysPerSecond})`],
        ['app CPU for them (s)', appCpu],
      ],
      notes: [
        'One app process (dist/app/main.js) on a fresh nats-server (file storage, loopback); the load runs in the bench process.',
        'A group is ready when its view (?sequence= its selection) shows no stay pending: every stay read, transferred on its own subject with its expectation, and the outcomes recorded on the group and projected.',
      ],
    };
  } finally {
    await stack.stop();
  }
};

/** The time of `stays + 1` appends to a stream of the bench's own, 8 in flight, as the process's step would if it had nothing to decide. */
const appendFloor = async (servers: string, stays: number): Promise<number> => {
  const connection = await connect({ servers });
  try {
    const jsm = await jetstreamManager(connection);
    await jsm.streams.add({ name: 'FLOOR_MERGE', subjects: ['floor-merge.>'] });
    const js = jetstream(connection);
    const items = Array.from({ length: stays }, (_, index) => index);
    const started = performance.now();
    await inLanes(items, 8, async (index) => {
      await js.publish(`floor-merge.stay.${index}`, JSON.stringify({ stay: index }), { expect: { lastSubjectSequence: 0 } });
    });
    await js.publish('floor-merge.group', JSON.stringify({ merged: stays }));
    const elapsed = round(performance.now() - started, 0);
    await jsm.streams.delete('FLOOR_MERGE');
    return elapsed;
  } finally {
    await connection.close();
  }
};
