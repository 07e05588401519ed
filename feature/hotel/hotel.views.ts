import { roomDaySubjectFilter, roomSubjectFilter } from '@stream/hotel.stream';
import { bookingBoard } from './booking-board/booking-board.projection';
import { cleanupSchedule } from './cleanup-schedule/cleanup-schedule.projection';
import { roomList } from './room-list/room-list.projection';

/** A state view of the hotel board: its projection's name, and the subjects of the HOTEL stream it reads. */
export interface HotelView {
  readonly name: string;
  readonly filterSubject: string;
}

/** Every state view of the hotel board, for what must know them all: permissions, fault checks, benches. */
export const HOTEL_VIEWS: readonly HotelView[] = [
  { name: roomList.name, filterSubject: roomSubjectFilter() },
  { name: bookingBoard.name, filterSubject: roomDaySubjectFilter() },
  { name: cleanupSchedule.name, filterSubject: roomDaySubjectFilter() },
];
