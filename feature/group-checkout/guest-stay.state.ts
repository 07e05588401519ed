import { assertNever, type EventMetadata } from '@libs/decider/decider';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { posted, storedAt, type Posting, type StoredAt } from './group-checkout.postings';

/** Where a stay stands: open to charges and payments, or closed by a checkout or by a group taking it over. */
export type StayStatus = 'active' | 'checked-out' | 'transferred';

/** A guest stay as its events tell it, for the deciders of the stay's slices. */
export interface GuestStay {
  /** Absent until the stay's first charge or payment: until then there is no stay. */
  readonly status?: StayStatus;
  /** Charges less payments, in cents: what the guest still owes, below 0 when they paid ahead. */
  readonly balance: number;
  readonly charges: ReadonlyMap<string, Posting>;
  readonly payments: ReadonlyMap<string, Posting>;
  readonly checkedOut?: StoredAt;
  /** The group that took the stay over, and the residual it took: the stay's balance then. */
  readonly transfer?: StoredAt & { readonly groupId: string; readonly residual: number };
}

export const newGuestStay = (): GuestStay => ({ balance: 0, charges: new Map(), payments: new Map() });

export const stayLivedThrough = (stay: GuestStay, event: StayEvent, metadata: EventMetadata): GuestStay => {
  switch (event.type) {
    case 'GuestCharged': {
      const { chargeId, amount } = event.data;
      return { ...stay, status: stay.status ?? 'active', balance: stay.balance + amount, charges: posted(stay.charges, chargeId, { amount, ...storedAt(metadata) }) };
    }
    case 'GuestPaid': {
      const { paymentId, amount } = event.data;
      return { ...stay, status: stay.status ?? 'active', balance: stay.balance - amount, payments: posted(stay.payments, paymentId, { amount, ...storedAt(metadata) }) };
    }
    case 'GuestCheckedOut':
      return { ...stay, status: 'checked-out', checkedOut: storedAt(metadata) };
    case 'GuestStayTransferredToGroup': {
      const { groupId, residual } = event.data;
      return { ...stay, status: 'transferred', transfer: { groupId, residual, ...storedAt(metadata) } };
    }
    default:
      return assertNever(event);
  }
};
