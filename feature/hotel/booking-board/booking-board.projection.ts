import type { Projection } from '@libs/decider/projection';
import type { HotelEvent } from '@model/hotel/hotel.events';

export type Availability = 'booked' | 'available' | 'occupied';

/** The board's green "Booking" post-it: one room on one date, and where it stands. */
export interface BookingBoard {
  readonly roomId: string;
  readonly date: string;
  readonly clientId: string;
  readonly availability: Availability;
  readonly lastChange: { readonly event: string; readonly at: string; readonly sequence: number };
}

export const bookingBoardKey = (roomId: string, date: string): string => `${roomId}.${date}`;

const availabilityAfter: Partial<Record<HotelEvent['type'], Availability>> = {
  RoomBooked: 'booked',
  RoomAvailable: 'available',
  GuestCheckedIn: 'occupied',
};

export const bookingBoard: Projection<HotelEvent, BookingBoard> = {
  name: 'booking-board',
  keyOf: (event) =>
    event.type in availabilityAfter && 'date' in event.data ? bookingBoardKey(event.data.roomId, event.data.date) : undefined,
  evolve: (document, { event, metadata }) => {
    const availability = availabilityAfter[event.type];
    if (!availability || !('date' in event.data)) return document as BookingBoard;
    const clientId = 'clientId' in event.data ? event.data.clientId : (document?.clientId ?? '');
    return {
      roomId: event.data.roomId,
      date: event.data.date,
      clientId,
      availability,
      lastChange: { event: event.type, at: metadata.time, sequence: metadata.sequence },
    };
  },
};
