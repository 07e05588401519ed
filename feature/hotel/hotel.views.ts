import type { Projection } from '@libs/decider/projection';
import { isStateView } from '@libs/event-model/board';
import type { HotelEvent } from '@model/hotel/hotel.events';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { bookingBoard } from './booking-board/booking-board.projection';
import { cleanupSchedule } from './cleanup-schedule/cleanup-schedule.projection';
import { HOTEL_BOARD } from './hotel.board';
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
 * A projection with its document type left open, so that views of different documents fit in one list. The
 * documents handed to `evolve` are read from the view's own bucket, where only this projection writes.
 */
const open = <D>(projection: Projection<HotelEvent, D>): Projection<HotelEvent, unknown> => ({
  name: projection.name,
  keyOf: projection.keyOf,
  evolve: (document, recorded) => projection.evolve(document as D | null, recorded),
});

/** The state views' projections; a new view slice adds its own here, next to its declaration on the board. */
const PROJECTIONS: readonly Projection<HotelEvent, unknown>[] = [open(roomList), open(bookingBoard), open(cleanupSchedule)];

const projectionOf = (view: string): Projection<HotelEvent, unknown> => {
  const projection = PROJECTIONS.find(({ name }) => name === view);
  if (!projection) throw new Error(`the board's view ${view} has no projection in feature/hotel/hotel.views.ts`);
  return projection;
};

/** Every state view of the hotel board, for what must know them all: permissions, fault checks, benches, the CLI. */
export const HOTEL_VIEWS: readonly HotelView[] = HOTEL_BOARD.slices
  .filter(isStateView)
  .map(({ view, subjects }) => ({ name: view.name, stream: HOTEL_STREAM, filterSubject: subjects, projection: projectionOf(view.name) }));
