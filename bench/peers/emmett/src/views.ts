import type { ReadEvent } from '@event-driven-io/emmett';
import { pongoMultiStreamProjection, type PostgresReadEventMetadata } from '@event-driven-io/emmett-postgresql';
import type { CleanupScheduled, GuestCheckedIn, RoomAvailable, RoomBooked, RoomCleanedUp } from './room-day';

// The two views a booking changes in the main app (`booking-board`, `cleanup-schedule`), as Emmett's
// documentation writes read models on PostgreSQL: Pongo documents, updated by inline projections in the
// transaction that appends the events. The documents hold what the main app's do, with Emmett's global
// position where ours keep the stream sequence and time of the last change.

type Availability = 'booked' | 'available' | 'occupied';

type BookingBoard = {
  readonly roomId: string;
  readonly date: string;
  readonly clientId: string;
  readonly availability: Availability;
  readonly lastChange: { readonly event: string; readonly position: string };
};

type ScheduledRoom = {
  readonly roomId: string;
  readonly team: string;
  readonly status: 'scheduled' | 'cleaned';
};

type CleanupSchedule = {
  readonly date: string;
  readonly rooms: readonly ScheduledRoom[];
};

const availabilityAfter = { RoomBooked: 'booked', RoomAvailable: 'available', GuestCheckedIn: 'occupied' } as const;

type BoardEvent = RoomBooked | RoomAvailable | GuestCheckedIn;
type ScheduleEvent = CleanupScheduled | RoomCleanedUp;

const bookingBoard = pongoMultiStreamProjection<BookingBoard, BoardEvent>({
  collectionName: 'booking_board',
  canHandle: ['RoomBooked', 'RoomAvailable', 'GuestCheckedIn'],
  getDocumentId: (event) => `${event.data.roomId}.${event.data.date}`,
  evolve: (document: BookingBoard | null, event: ReadEvent<BoardEvent, PostgresReadEventMetadata>): BookingBoard => ({
    roomId: event.data.roomId,
    date: event.data.date,
    clientId: 'clientId' in event.data ? event.data.clientId : (document?.clientId ?? ''),
    availability: availabilityAfter[event.type],
    lastChange: { event: event.type, position: String(event.metadata.globalPosition) },
  }),
});

const byRoom = (left: ScheduledRoom, right: ScheduledRoom): number => left.roomId.localeCompare(right.roomId, 'en', { numeric: true });

const cleanupSchedule = pongoMultiStreamProjection<CleanupSchedule, ScheduleEvent>({
  collectionName: 'cleanup_schedule',
  canHandle: ['CleanupScheduled', 'RoomCleanedUp'],
  getDocumentId: (event) => event.data.date,
  evolve: (document: CleanupSchedule | null, event: ReadEvent<ScheduleEvent, PostgresReadEventMetadata>): CleanupSchedule => {
    const { roomId, team, date } = event.data;
    const status: ScheduledRoom['status'] = event.type === 'CleanupScheduled' ? 'scheduled' : 'cleaned';
    const others = (document?.rooms ?? []).filter((room) => room.roomId !== roomId);
    return { date, rooms: [...others, { roomId, team, status }].sort(byRoom) };
  },
});

/** The collection of each view, by the main app's view name. */
export const VIEW_COLLECTIONS: Readonly<Record<string, string>> = { 'booking-board': 'booking_board', 'cleanup-schedule': 'cleanup_schedule' };

/** The views, for `getPostgreSQLEventStore`'s `projections: projections.inline(...)`. */
export const hotelViews = [bookingBoard, cleanupSchedule];
