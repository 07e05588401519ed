/** The documents of the three views the board shows, as their projections write them. */
export interface RoomDoc {
  readonly roomId: string;
  readonly name: string;
}

export type Availability = 'booked' | 'available' | 'occupied';

export interface BookingDoc {
  readonly roomId: string;
  readonly date: string;
  readonly clientId: string;
  readonly availability: Availability;
}

export interface CleanupDoc {
  readonly date: string;
  readonly rooms: readonly { readonly roomId: string; readonly team: string; readonly status: 'scheduled' | 'cleaned' }[];
}
