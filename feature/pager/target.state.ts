import { derivedId } from '@libs/ids/derived-id';
import type { TargetEvent } from '@model/pager/pager.events';
import type { Page, Target, TargetKind } from '@model/pager/pager.fields';

/** A message to a target: the pages it gathers until it closes, then how its delivery went. */
export interface Bundle {
  readonly bundleId: string;
  readonly closesAt: string;
  readonly pages: readonly Page[];
  readonly closed: boolean;
  readonly settled: boolean;
}

/** A target as its events fold it: where it is reached, the pages it was ever sent, and its messages. */
export interface TargetState {
  readonly kind?: TargetKind;
  readonly address?: string;
  readonly pageIds: ReadonlySet<string>;
  readonly bundles: Readonly<Record<string, Bundle>>;
  /** The message gathering pages now, if any. */
  readonly open?: string;
}

export const newTarget = (): TargetState => ({ pageIds: new Set(), bundles: {} });

/** A target's id: the same for the same kind and address, whichever service's policy names it (addresses compared without case). */
export const targetIdOf = ({ kind, address }: Target): string => derivedId(`pager/${kind}/${address.trim().toLowerCase()}`);

/** A page's id: one per target, service, incident, level and round, so a page asked for again is the same page. */
export const pageIdOf = (targetId: string, page: Omit<Page, 'pageId' | 'message'>): string =>
  derivedId(`pager/${targetId}/${page.serviceId}/${page.incidentId}/${page.level}/${page.round}`);

export const targetEvolved = (target: TargetState, event: TargetEvent): TargetState => {
  switch (event.type) {
    case 'PageBundled': {
      const { kind, address, bundleId, closesAt, pageId, serviceId, incidentId, level, round, message } = event.data;
      const bundle = target.bundles[bundleId] ?? { bundleId, closesAt, pages: [], closed: false, settled: false };
      return {
        ...target,
        kind,
        address,
        pageIds: new Set([...target.pageIds, pageId]),
        bundles: { ...target.bundles, [bundleId]: { ...bundle, pages: [...bundle.pages, { pageId, serviceId, incidentId, level, round, message }] } },
        open: bundleId,
      };
    }
    case 'BundleClosed': {
      const bundle = target.bundles[event.data.bundleId];
      if (!bundle) return target;
      return { ...target, bundles: { ...target.bundles, [bundle.bundleId]: { ...bundle, closed: true } }, open: target.open === bundle.bundleId ? undefined : target.open };
    }
    case 'PageDelivered':
    case 'PageFailed': {
      const bundle = target.bundles[event.data.bundleId];
      return bundle ? { ...target, bundles: { ...target.bundles, [bundle.bundleId]: { ...bundle, settled: true } } } : target;
    }
  }
};
