import { isStateView } from '@libs/event-model/board';
import { HOTEL_BOARD } from './hotel.board';

/** A state view of the hotel board: its projection's name, and the subjects of the HOTEL stream it reads. */
export interface HotelView {
  readonly name: string;
  readonly filterSubject: string;
}

/** Every state view of the hotel board, for what must know them all: permissions, fault checks, benches. */
export const HOTEL_VIEWS: readonly HotelView[] = HOTEL_BOARD.slices.filter(isStateView).map(({ view, subjects }) => ({ name: view.name, filterSubject: subjects }));
