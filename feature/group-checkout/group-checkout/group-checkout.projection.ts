import { assertNever } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import type { GroupCheckoutEvent } from '@model/group-checkout/group-checkout.events';

/** `merging` while stays of its list are pending, `ready` when none is, `confirmed` once its bill is closed. */
export type GroupCheckoutStatus = 'merging' | 'ready' | 'confirmed';

/** The board's green "Group checkout" post-it: the group's list and what became of each stay, what it owes and was paid. */
export interface GroupCheckoutView {
  readonly groupId: string;
  /** Stays still to be taken over, in selection order. */
  readonly pending: readonly string[];
  readonly merged: readonly { readonly stayId: string; readonly residual: number }[];
  readonly failed: readonly { readonly stayId: string; readonly reason: string }[];
  /** The merged residuals less what was paid, in cents. */
  readonly balance: number;
  /** The payments added up, in cents. */
  readonly paid: number;
  readonly status: GroupCheckoutStatus;
}

const opened = (groupId: string): GroupCheckoutView => ({ groupId, pending: [], merged: [], failed: [], balance: 0, paid: 0, status: 'ready' });

/** The document with its balance and status worked out again from its lists. */
const settled = (view: GroupCheckoutView, confirmed = view.status === 'confirmed'): GroupCheckoutView => {
  const owed = view.merged.reduce((sum, { residual }) => sum + residual, 0);
  return { ...view, balance: owed - view.paid, status: confirmed ? 'confirmed' : view.pending.length > 0 ? 'merging' : 'ready' };
};

const without = (pending: readonly string[], stays: readonly { readonly stayId: string }[]): readonly string[] => {
  const done = new Set(stays.map(({ stayId }) => stayId));
  return pending.filter((stayId) => !done.has(stayId));
};

export const groupCheckout: Projection<GroupCheckoutEvent, GroupCheckoutView> = {
  name: 'group-checkout',
  keyOf: (event) => {
    switch (event.type) {
      case 'StaysSelected':
      case 'StaysMerged':
      case 'MergesFailed':
      case 'GroupCheckoutPaid':
      case 'GroupCheckoutConfirmed':
        return event.data.groupId;
      case 'GuestCharged':
      case 'GuestPaid':
      case 'GuestCheckedOut':
      case 'GuestStayTransferredToGroup':
        return undefined;
      default:
        return assertNever(event);
    }
  },
  evolve: (document, { event }) => {
    const view = (groupId: string): GroupCheckoutView => document ?? opened(groupId);
    switch (event.type) {
      case 'StaysSelected': {
        const current = view(event.data.groupId);
        const known = new Set([...current.pending, ...current.merged.map(({ stayId }) => stayId), ...current.failed.map(({ stayId }) => stayId)]);
        return settled({ ...current, pending: [...current.pending, ...event.data.stayIds.filter((stayId) => !known.has(stayId))] });
      }
      case 'StaysMerged': {
        const current = view(event.data.groupId);
        return settled({ ...current, pending: without(current.pending, event.data.stays), merged: [...current.merged, ...event.data.stays.map(({ stayId, residual }) => ({ stayId, residual }))] });
      }
      case 'MergesFailed': {
        const current = view(event.data.groupId);
        return settled({ ...current, pending: without(current.pending, event.data.stays), failed: [...current.failed, ...event.data.stays.map(({ stayId, reason }) => ({ stayId, reason }))] });
      }
      case 'GroupCheckoutPaid': {
        const current = view(event.data.groupId);
        return settled({ ...current, paid: current.paid + event.data.amount });
      }
      case 'GroupCheckoutConfirmed':
        return settled(view(event.data.groupId), true);
      case 'GuestCharged':
      case 'GuestPaid':
      case 'GuestCheckedOut':
      case 'GuestStayTransferredToGroup':
        return document as GroupCheckoutView;
      default:
        return assertNever(event);
    }
  },
};
