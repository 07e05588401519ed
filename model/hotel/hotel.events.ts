import type { CleanupScheduled } from './cleanup-scheduled.event';
import type { GuestCheckedIn } from './guest-checked-in.event';
import type { RoomAvailable } from './room-available.event';
import type { RoomBooked } from './room-booked.event';
import type { RoomCleanedUp } from './room-cleaned-up.event';
import type { RoomRegistered } from './room-registered.event';

export type { CleanupScheduled, GuestCheckedIn, RoomAvailable, RoomBooked, RoomCleanedUp, RoomRegistered };

/** Events of a room-day: one room on one date, the entity the booking rules decide on. */
export type RoomDayEvent = RoomBooked | CleanupScheduled | RoomCleanedUp | RoomAvailable | GuestCheckedIn;

/** Every event of the hotel board. */
export type HotelEvent = RoomRegistered | RoomDayEvent;

const EVERY_HOTEL_EVENT: Record<HotelEvent['type'], true> = {
  RoomRegistered: true,
  RoomBooked: true,
  CleanupScheduled: true,
  RoomCleanedUp: true,
  RoomAvailable: true,
  GuestCheckedIn: true,
};

export const HOTEL_EVENT_TYPES = Object.keys(EVERY_HOTEL_EVENT) as readonly HotelEvent['type'][];
