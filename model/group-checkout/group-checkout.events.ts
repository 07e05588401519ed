import type { EventContract } from '@libs/event-model/event-contract';
import { GROUP_CHECKOUT_CONFIRMED, type GroupCheckoutConfirmed } from './group-checkout-confirmed.event';
import { GROUP_CHECKOUT_PAID, type GroupCheckoutPaid } from './group-checkout-paid.event';
import { GUEST_CHARGED, type GuestCharged } from './guest-charged.event';
import { GUEST_CHECKED_OUT, type GuestCheckedOut } from './guest-checked-out.event';
import { GUEST_PAID, type GuestPaid } from './guest-paid.event';
import { GUEST_STAY_TRANSFERRED_TO_GROUP, type GuestStayTransferredToGroup } from './guest-stay-transferred-to-group.event';
import { MERGES_FAILED, type MergesFailed } from './merges-failed.event';
import { STAYS_MERGED, type StaysMerged } from './stays-merged.event';
import { STAYS_SELECTED, type StaysSelected } from './stays-selected.event';

export type { GroupCheckoutConfirmed, GroupCheckoutPaid, GuestCharged, GuestCheckedOut, GuestPaid, GuestStayTransferredToGroup, MergesFailed, StaysMerged, StaysSelected };

/** Events of a guest stay: one guest's bill, the entity the stay's rules decide on. */
export type StayEvent = GuestCharged | GuestPaid | GuestCheckedOut | GuestStayTransferredToGroup;

/** Events of a group checkout: its list of stays, what it took over, what was paid, and its confirmation. */
export type GroupEvent = StaysSelected | StaysMerged | MergesFailed | GroupCheckoutPaid | GroupCheckoutConfirmed;

/** Every event of the group-checkout board. */
export type GroupCheckoutEvent = StayEvent | GroupEvent;

/** The contract of every group-checkout event: version, meaning, data fields and example. */
export const GROUP_CHECKOUT_EVENT_CONTRACTS: Readonly<Record<GroupCheckoutEvent['type'], EventContract>> = {
  GuestCharged: GUEST_CHARGED,
  GuestPaid: GUEST_PAID,
  GuestCheckedOut: GUEST_CHECKED_OUT,
  GuestStayTransferredToGroup: GUEST_STAY_TRANSFERRED_TO_GROUP,
  StaysSelected: STAYS_SELECTED,
  StaysMerged: STAYS_MERGED,
  MergesFailed: MERGES_FAILED,
  GroupCheckoutPaid: GROUP_CHECKOUT_PAID,
  GroupCheckoutConfirmed: GROUP_CHECKOUT_CONFIRMED,
};

export const GROUP_CHECKOUT_EVENT_TYPES = Object.keys(GROUP_CHECKOUT_EVENT_CONTRACTS) as readonly GroupCheckoutEvent['type'][];

/** The event types stored on a guest stay's subject. */
export const STAY_EVENT_TYPES: readonly StayEvent['type'][] = ['GuestCharged', 'GuestPaid', 'GuestCheckedOut', 'GuestStayTransferredToGroup'];

/** The event types stored on a group checkout's subject. */
export const GROUP_EVENT_TYPES: readonly GroupEvent['type'][] = ['StaysSelected', 'StaysMerged', 'MergesFailed', 'GroupCheckoutPaid', 'GroupCheckoutConfirmed'];
