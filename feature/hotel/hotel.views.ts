import type { Projection } from '@libs/decider/projection';
import type { HotelEvent } from '@model/hotel/hotel.events';
import type { EventStreamDefinition } from '@stream/event-stream';
import { HOTEL_STREAM, roomDaySubjectFilter, roomSubjectFilter } from '@stream/hotel.stream';
import { bookingBoard } from './booking-board/booking-board.projection';
import { cleanupSchedule } from './cleanup-schedule/cleanup-schedule.projection';
import { roomList } from './room-list/room-list.projection';

/** A state view of the hotel board: its projection, and the subjects of the stream it reads. */
export interface HotelView {
  readonly name: string;
  readonly stream: EventStreamDefinition;
  readonly filterSubject: string;
  /** The slice's own pure projection, for what replays the view outside its slice (a rebuild). */
  readonly projection: Projection<HotelEvent, unknown>;
}

/**
 * The view with its document type left open, so that views of different documents fit in one list. The
 * documents handed to `evolve` are read from the view's own bucket, where only this projection writes.
 */
const hotelView = <D>(projection: Projection<HotelEvent, D>, filterSubject: string): HotelView => ({
  name: projection.name,
  stream: HOTEL_STREAM,
  filterSubject,
  projection: { name: projection.name, keyOf: projection.keyOf, evolve: (document, recorded) => projection.evolve(document as D | null, recorded) },
});

/** Every state view of the hotel board, for what must know them all: permissions, fault checks, benches, the CLI. */
export const HOTEL_VIEWS: readonly HotelView[] = [
  hotelView(roomList, roomSubjectFilter()),
  hotelView(bookingBoard, roomDaySubjectFilter()),
  hotelView(cleanupSchedule, roomDaySubjectFilter()),
];
