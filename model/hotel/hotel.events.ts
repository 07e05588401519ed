import type { EventContract } from '@libs/event-model/event-contract';
import { CLEANUP_SCHEDULED, type CleanupScheduled } from './cleanup-scheduled.event';
import { GUEST_CHECKED_IN, type GuestCheckedIn } from './guest-checked-in.event';
import { ROOM_AVAILABLE, type RoomAvailable } from './room-available.event';
import { ROOM_BOOKED, type RoomBooked } from './room-booked.event';
import { ROOM_CLEANED_UP, type RoomCleanedUp } from './room-cleaned-up.event';
import { ROOM_REGISTERED, type RoomRegistered } from './room-registered.event';

export type { CleanupScheduled, GuestCheckedIn, RoomAvailable, RoomBooked, RoomCleanedUp, RoomRegistered };

/** Events of a room-day: one room on one date, the entity the booking rules decide on. */
export type RoomDayEvent = RoomBooked | CleanupScheduled | RoomCleanedUp | RoomAvailable | GuestCheckedIn;

/** Every event of the hotel board. */
export type HotelEvent = RoomRegistered | RoomDayEvent;

/** The contract of every hotel event: version, meaning, data fields, example and upcasters. */
export const HOTEL_EVENT_CONTRACTS: Readonly<Record<HotelEvent['type'], EventContract>> = {
  RoomRegistered: ROOM_REGISTERED,
  RoomBooked: ROOM_BOOKED,
  CleanupScheduled: CLEANUP_SCHEDULED,
  RoomCleanedUp: ROOM_CLEANED_UP,
  RoomAvailable: ROOM_AVAILABLE,
  GuestCheckedIn: GUEST_CHECKED_IN,
};

export const HOTEL_EVENT_TYPES = Object.keys(HOTEL_EVENT_CONTRACTS) as readonly HotelEvent['type'][];
