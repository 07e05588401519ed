import { assertNever } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import type { GroupCheckoutEvent } from '@model/group-checkout/group-checkout.events';

/** `active` while it takes charges and payments, `checked-out` once the guest left, `transferred` once a group took it over. */
export type GuestStayStatus = 'active' | 'checked-out' | 'transferred';

/** The board's green "Guest stay" post-it: what a guest owes, and whether their stay is still open. */
export interface GuestStayView {
  readonly stayId: string;
  /** Charges less payments, in cents; below 0 when the guest paid ahead. */
  readonly balance: number;
  readonly status: GuestStayStatus;
  /** The group that took the stay over, once it did. */
  readonly groupId?: string;
}

const opened = (stayId: string): GuestStayView => ({ stayId, balance: 0, status: 'active' });

export const guestStay: Projection<GroupCheckoutEvent, GuestStayView> = {
  name: 'guest-stay',
  keyOf: (event) => {
    switch (event.type) {
      case 'GuestCharged':
      case 'GuestPaid':
      case 'GuestCheckedOut':
      case 'GuestStayTransferredToGroup':
        return event.data.stayId;
      case 'StaysSelected':
      case 'StaysMerged':
      case 'MergesFailed':
      case 'GroupCheckoutPaid':
      case 'GroupCheckoutConfirmed':
        return undefined;
      default:
        return assertNever(event);
    }
  },
  evolve: (document, { event }) => {
    switch (event.type) {
      case 'GuestCharged': {
        const stay = document ?? opened(event.data.stayId);
        return { ...stay, balance: stay.balance + event.data.amount };
      }
      case 'GuestPaid': {
        const stay = document ?? opened(event.data.stayId);
        return { ...stay, balance: stay.balance - event.data.amount };
      }
      case 'GuestCheckedOut':
        return { ...(document ?? opened(event.data.stayId)), status: 'checked-out' };
      case 'GuestStayTransferredToGroup':
        return { ...(document ?? opened(event.data.stayId)), status: 'transferred', groupId: event.data.groupId };
      case 'StaysSelected':
      case 'StaysMerged':
      case 'MergesFailed':
      case 'GroupCheckoutPaid':
      case 'GroupCheckoutConfirmed':
        return document as GuestStayView;
      default:
        return assertNever(event);
    }
  },
};
