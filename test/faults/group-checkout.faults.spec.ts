import type { NextMsgRequest, SeqMsgRequest } from '@nats-io/jetstream';
import type { Subscription } from '@nats-io/nats-core';
import type { NatsClient } from '@adapter/nats/nats.client';
import type { AppProcess } from './app-process';
import { showingAppOutput } from './app-process';
import { eventually, viewDiscrepancies } from './convergence';
import { FaultRig } from './fault-rig';

interface StoredEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

const put = async (app: AppProcess, command: string, data: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${app.baseUrl}/mutation/${command}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Opens `count` stays of `prefix`, each charged `100 + index` cents. */
const openStays = async (app: AppProcess, prefix: string, count: number): Promise<string[]> => {
  const stays = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
  for (const [index, stay] of stays.entries()) {
    const charged = await put(app, 'charge-guest-stay', { stay: { id: stay }, charge: { id: 'room' }, amount: 100 + index });
    if (charged.status !== 201) throw new Error(`charging ${stay} answered ${charged.status}: ${JSON.stringify(charged.body)}`);
  }
  return stays;
};

const select = async (app: AppProcess, group: string, stays: readonly string[]): Promise<void> => {
  const selected = await put(app, 'select-group-checkout-stays', { group: { id: group }, stays: stays.map((id) => ({ id })) });
  if (selected.status !== 201) throw new Error(`selecting into ${group} answered ${selected.status}: ${JSON.stringify(selected.body)}`);
};

/** Every event stored on a subject (wildcards allowed), in order, read from the stream's leader. */
const eventsOn = async (nats: NatsClient, subject: string): Promise<StoredEvent[]> => {
  const found: StoredEvent[] = [];
  for (let after = 0; ; ) {
    const request: SeqMsgRequest & NextMsgRequest = { seq: after + 1, next_by_subj: subject };
    const message = await nats.jsm.streams.getMessage('GROUP_CHECKOUT', request).catch(() => null);
    if (!message) return found;
    const parsed = message.json<StoredEvent | StoredEvent[]>();
    found.push(...(Array.isArray(parsed) ? parsed : [parsed]).map(({ type, data }) => ({ type: type.split('.')[1] ?? type, data })));
    after = message.seq;
  }
};

/** How each stay of `stays` ended for `group`, from the group's events: merged (with how many times), or failed. */
const outcomes = async (nats: NatsClient, group: string): Promise<{ merged: Map<string, number>; failed: string[]; pending: boolean }> => {
  const events = await eventsOn(nats, `group-checkout.group.${group}`);
  const merged = new Map<string, number>();
  for (const { data } of events.filter(({ type }) => type === 'StaysMerged')) {
    for (const { stayId } of data.stays as { stayId: string }[]) merged.set(stayId, (merged.get(stayId) ?? 0) + 1);
  }
  const failed = events.filter(({ type }) => type === 'MergesFailed').flatMap(({ data }) => (data.stays as { stayId: string }[]).map(({ stayId }) => stayId));
  const selected = events.filter(({ type }) => type === 'StaysSelected').flatMap(({ data }) => data.stayIds as string[]);
  return { merged, failed, pending: selected.some((stay) => !merged.has(stay) && !failed.includes(stay)) };
};

/** The transfers stored on each stay: how many times it was handed to a group, and to which. */
const transfers = async (nats: NatsClient, stays: readonly string[]): Promise<Map<string, string[]>> => {
  const found = new Map<string, string[]>();
  for (const stay of stays) {
    const handed = (await eventsOn(nats, `group-checkout.stay.${stay}`)).filter(({ type }) => type === 'GuestStayTransferredToGroup');
    found.set(stay, handed.map(({ data }) => String(data.groupId)));
  }
  return found;
};

describe('group checkout through crashes: every stay merged exactly once', () => {
  let rig: FaultRig;

  beforeEach(async () => {
    rig = await FaultRig.start();
  });

  afterEach(async () => {
    await rig.dispose();
  });

  it('merges every stay once when the app is SIGKILLed in the middle of a reaction (some stays moved, the group not yet told) and restarted', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const app = await rig.app('app');
        const nats = await rig.observe();
        const stays = await openStays(app, 'crash', 100);
        let transferredAtKill = -1;
        let mergedAtKill = false;
        let seen = 0;
        let merged = false;
        let killing: Promise<void> | undefined;
        const watching: Subscription = nats.connection.subscribe('group-checkout.>', {
          callback: (_error, message) => {
            const text = message.string();
            if (message.subject.startsWith('group-checkout.group.') && text.includes('StaysMerged')) merged = true;
            if (!text.includes('GuestStayTransferredToGroup')) return;
            seen++;
            if (killing) return;
            transferredAtKill = seen;
            mergedAtKill = merged;
            killing = app.kill();
          },
        });
        await select(app, 'crash-group', stays);
        await eventually(() => killing !== undefined, 'the first stay to be transferred', 30_000);
        await killing;
        watching.unsubscribe();
        expect(transferredAtKill).toBeGreaterThan(0);
        expect(transferredAtKill).toBeLessThan(stays.length);
        expect(mergedAtKill).toBe(false);

        await app.start();
        await eventually(async () => !(await outcomes(nats, 'crash-group')).pending, 'the group to have recorded every stay', 60_000);
        const ended = await outcomes(nats, 'crash-group');
        expect([...ended.merged.keys()].sort()).toEqual([...stays].sort());
        expect([...ended.merged.values()].every((times) => times === 1)).toBe(true);
        expect(ended.failed).toEqual([]);
        const handed = await transfers(nats, stays);
        expect([...handed.values()].every((groups) => groups.length === 1 && groups[0] === 'crash-group')).toBe(true);
        await eventually(async () => (await viewDiscrepancies(nats)).length === 0, 'every view to equal a replay of its stream', 30_000);
      },
    ));

  it('lets two app instances react to the same groups, each stay transferred once and merged once', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const [first, second] = [await rig.app('first'), await rig.app('second')];
        const groups = Array.from({ length: 8 }, (_, index) => `pair-${index}`);
        const staysOf = new Map<string, string[]>();
        for (const [index, group] of groups.entries()) staysOf.set(group, await openStays(index % 2 === 0 ? first : second, group, 10));
        const shared = await openStays(first, 'shared', 4);
        await Promise.all(groups.map((group, index) => select(index % 2 === 0 ? first : second, group, [...staysOf.get(group)!, ...shared])));
        const nats = await rig.observe();
        for (const group of groups) await eventually(async () => !(await outcomes(nats, group)).pending, `${group} to have recorded every stay`, 60_000);
        for (const group of groups) {
          const ended = await outcomes(nats, group);
          expect([...ended.merged.values()].every((times) => times === 1)).toBe(true);
          expect(staysOf.get(group)!.every((stay) => ended.merged.get(stay) === 1)).toBe(true);
        }
        const handed = await transfers(nats, [...groups.flatMap((group) => staysOf.get(group)!), ...shared]);
        expect([...handed.entries()].filter(([, to]) => to.length !== 1)).toEqual([]);
        for (const stay of shared) {
          const winner = handed.get(stay)![0]!;
          const endings = await Promise.all(groups.map(async (group) => ({ group, ended: await outcomes(nats, group) })));
          expect(endings.filter(({ ended }) => ended.merged.has(stay)).map(({ group }) => group)).toEqual([winner]);
          expect(endings.filter(({ ended }) => ended.failed.includes(stay))).toHaveLength(groups.length - 1);
        }
        await eventually(async () => (await viewDiscrepancies(nats)).length === 0, 'every view to equal a replay of its stream', 30_000);
      },
    ));
});
