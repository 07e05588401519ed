import type { Board } from '@libs/event-model/board';
import { streamLane } from '@libs/event-model/event-stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { BOOK_ROOM } from './book-room/book-room.slice';
import { BOOKING_BOARD } from './booking-board/booking-board.slice';
import { CHECKIN } from './checkin/checkin.slice';
import { CLEANUP_SCHEDULE } from './cleanup-schedule/cleanup-schedule.slice';
import { CLEANUP } from './cleanup/cleanup.slice';
import { REGISTER_ROOM } from './register-room/register-room.slice';
import { ROOM_LIST } from './room-list/room-list.slice';
import { SCHEDULE_CLEANING } from './schedule-cleaning/schedule-cleaning.slice';

/** The hotel's Event Model: booking, cleaning and check-in, slice by slice, as the code declares them. */
export const HOTEL_BOARD: Board = {
  name: 'hotel',
  title: 'Hotel',
  actors: [
    { name: 'Guest', kind: 'person' },
    { name: 'Manager', kind: 'person' },
    { name: 'Bot', kind: 'system' },
  ],
  streams: [streamLane(HOTEL_STREAM)],
  slices: [REGISTER_ROOM, ROOM_LIST, BOOK_ROOM, BOOKING_BOARD, SCHEDULE_CLEANING, CLEANUP_SCHEDULE, CLEANUP, CHECKIN],
};
