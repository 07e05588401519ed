import { assertNever, type EventMetadata } from '@libs/decider/decider';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { posted, storedAt, type Posting, type StoredAt } from './group-checkout.postings';

/**
 * A group checkout as its events tell it, for the deciders of the group's slices and its process: the stays on
 * its list (each pending until it is merged or has failed), what it took over, what was paid, its confirmation.
 */
export interface GroupCheckout {
  /** Absent until the group's first event. */
  readonly groupId?: string;
  /** Every stay ever put on the list, in the order it was put there, with the event that put it there. */
  readonly selected: ReadonlyMap<string, StoredAt>;
  /** Stays on the list the group has neither taken over nor failed to: its to-do list, in selection order. */
  readonly pending: readonly string[];
  /** Stays taken over, with their residuals in cents. */
  readonly merged: ReadonlyMap<string, number>;
  /** Stays that could not be taken over, with the rule each refused with. */
  readonly failed: ReadonlyMap<string, string>;
  readonly payments: ReadonlyMap<string, Posting>;
  /** The merged residuals added up, in cents. */
  readonly owed: number;
  /** The payments added up, in cents. */
  readonly paid: number;
  readonly confirmed?: StoredAt;
}

export const newGroupCheckout = (): GroupCheckout => ({ selected: new Map(), pending: [], merged: new Map(), failed: new Map(), payments: new Map(), owed: 0, paid: 0 });

/** What the group still owes, in cents: the residuals it took over less what was paid. */
export const groupBalance = (group: GroupCheckout): number => group.owed - group.paid;

export const groupLivedThrough = (group: GroupCheckout, event: GroupEvent, metadata: EventMetadata): GroupCheckout => {
  const known = { ...group, groupId: event.data.groupId };
  switch (event.type) {
    case 'StaysSelected': {
      const selected = new Map(group.selected);
      const fresh: string[] = [];
      for (const stayId of event.data.stayIds) {
        if (selected.has(stayId)) continue;
        selected.set(stayId, storedAt(metadata));
        fresh.push(stayId);
      }
      return { ...known, selected, pending: [...group.pending, ...fresh] };
    }
    case 'StaysMerged': {
      const merged = new Map(group.merged);
      for (const { stayId, residual } of event.data.stays) merged.set(stayId, residual);
      const owed = [...merged.values()].reduce((sum, residual) => sum + residual, 0);
      return { ...known, merged, owed, pending: settled(group.pending, event.data.stays) };
    }
    case 'MergesFailed': {
      const failed = new Map(group.failed);
      for (const { stayId, reason } of event.data.stays) failed.set(stayId, reason);
      return { ...known, failed, pending: settled(group.pending, event.data.stays) };
    }
    case 'GroupCheckoutPaid': {
      const { paymentId, amount } = event.data;
      return { ...known, paid: group.paid + amount, payments: posted(group.payments, paymentId, { amount, ...storedAt(metadata) }) };
    }
    case 'GroupCheckoutConfirmed':
      return { ...known, confirmed: storedAt(metadata) };
    default:
      return assertNever(event);
  }
};

/** The pending stays less those an outcome was recorded for. */
const settled = (pending: readonly string[], outcomes: readonly { readonly stayId: string }[]): readonly string[] => {
  const done = new Set(outcomes.map(({ stayId }) => stayId));
  return pending.filter((stayId) => !done.has(stayId));
};
