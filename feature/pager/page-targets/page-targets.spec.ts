import { fold } from '@libs/decider/decider';
import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { PageBundled, TargetEvent } from '@model/pager/pager.events';
import { notified } from '../pager.examples';
import { pageIdOf, targetIdOf } from '../target.state';
import { queuePage, type QueuePage } from './page-targets.decider';
import { onLevelNotified } from './page-targets.slice';

const target = { kind: 'email' as const, address: 'oncall@example.com' };
const TARGET = targetIdOf(target);
const page = (serviceId: string, level = 1) => ({ pageId: pageIdOf(TARGET, { serviceId, incidentId: '1', level, round: 0 }), serviceId, incidentId: '1', level, round: 0, message: `${serviceId} is down` });
const queue = (serviceId: string, closesAt: string, level = 1): QueuePage => ({ type: 'QueuePage', data: { targetId: TARGET, target, page: page(serviceId, level), closesAt } });
const spec = DeciderSpecification.for(queuePage);

describe('page the level\'s targets', () => {
  it('a level notified pages each of its targets, once per target, incident, level and round', () => {
    const [level] = recorded([notified(1)]);
    const queued = onLevelNotified(level!, { bundleMs: 2_000 });
    expect(queued).toEqual([
      {
        type: 'QueuePage',
        data: {
          targetId: TARGET,
          target,
          page: { pageId: pageIdOf(TARGET, { serviceId: 'checkout', incidentId: '1', level: 1, round: 0 }), serviceId: 'checkout', incidentId: '1', level: 1, round: 0, message: 'checkout answers 500' },
          closesAt: new Date(Date.parse(level!.metadata.time) + 2_000).toISOString(),
        },
      },
    ]);
    expect(targetIdOf({ kind: 'email', address: 'OnCall@Example.com ' })).toBe(TARGET);
    expect(pageIdOf(TARGET, { serviceId: 'checkout', incidentId: '1', level: 2, round: 0 })).not.toBe(queued[0]?.data.page.pageId);
  });

  it('a page joins the target\'s open message, or opens one that closes after the bundle window', () => {
    const [first] = queuePage.decide(queue('checkout', '2026-12-03T08:00:02.000Z'), queuePage.initialState());
    expect(first?.data).toMatchObject({ targetId: TARGET, closesAt: '2026-12-03T08:00:02.000Z', serviceId: 'checkout' });
    const bundleId = first!.data.bundleId;
    spec.given([first!]).when(queue('payments', '2026-12-03T08:00:03.000Z')).then([
      { type: 'PageBundled', data: { targetId: TARGET, kind: 'email', address: 'oncall@example.com', bundleId, closesAt: '2026-12-03T08:00:02.000Z', ...page('payments') } },
    ]);
    const closed = { type: 'BundleClosed' as const, data: { targetId: TARGET, bundleId, kind: 'email' as const, address: 'oncall@example.com', pages: [page('checkout')] } };
    const [next] = queuePage.decide(queue('payments', '2026-12-03T08:00:09.000Z'), fold(queuePage, recorded<TargetEvent>([first!, closed])));
    expect((next as PageBundled).data.bundleId).not.toBe(bundleId);
    expect((next as PageBundled).data.closesAt).toBe('2026-12-03T08:00:09.000Z');
  });

  it('a page asked for again changes nothing', () => {
    const [first] = queuePage.decide(queue('checkout', '2026-12-03T08:00:02.000Z'), queuePage.initialState());
    spec.given([first!]).when(queue('checkout', '2026-12-03T08:00:05.000Z')).thenNothingHappens();
  });
});
