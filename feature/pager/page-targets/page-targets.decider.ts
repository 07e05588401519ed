import type { Command, Decider } from '@libs/decider/decider';
import { derivedId } from '@libs/ids/derived-id';
import type { PageBundled, TargetEvent } from '@model/pager/pager.events';
import type { Page, Target } from '@model/pager/pager.fields';
import { newTarget, targetEvolved, type TargetState } from '../target.state';

/** Tell a target about a page; a message to it opened now would close at `closesAt`. */
export type QueuePage = Command<'QueuePage', { targetId: string; target: Target; page: Page; closesAt: string }>;

/**
 * One page per target, service, incident, level and round: a page asked for again changes nothing. It joins the
 * target's open message (so services alerting together reach a shared target in one message), or opens one.
 */
export const queuePage: Decider<QueuePage, TargetState, TargetEvent> = {
  initialState: newTarget,
  evolve: targetEvolved,
  decide: ({ data }, target): PageBundled[] => {
    const { targetId, target: to, page, closesAt } = data;
    if (target.pageIds.has(page.pageId)) return [];
    const open = target.open === undefined ? undefined : target.bundles[target.open];
    const bundle = open ?? { bundleId: derivedId(`pager/${targetId}/bundle/${page.pageId}`), closesAt };
    return [{ type: 'PageBundled', data: { targetId, kind: to.kind, address: to.address, bundleId: bundle.bundleId, closesAt: bundle.closesAt, ...page } }];
  },
};
