import type { Command, Decider } from '@libs/decider/decider';
import type { BundleClosed, TargetEvent } from '@model/pager/pager.events';
import { newTarget, targetEvolved, type TargetState } from '../target.state';

/** A target's message stops gathering pages: its window is over. */
export type CloseBundle = Command<'CloseBundle', { targetId: string; bundleId: string }>;

/** An open message closes once, with every page it gathered; a message closed already stays as it is. */
export const closeBundle: Decider<CloseBundle, TargetState, TargetEvent> = {
  initialState: newTarget,
  evolve: targetEvolved,
  decide: ({ data }, target): BundleClosed[] => {
    const bundle = target.bundles[data.bundleId];
    if (!bundle || bundle.closed || !target.kind || target.address === undefined) return [];
    return [{ type: 'BundleClosed', data: { targetId: data.targetId, bundleId: bundle.bundleId, kind: target.kind, address: target.address, pages: bundle.pages } }];
  },
};
