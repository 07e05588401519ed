import { demoCommand, type Board } from '@libs/event-model/board';
import { HOTEL_STREAM, hotelCommandSubjectFilter } from '@stream/hotel.stream';
import { BookRoomController } from './book-room/book-room.controller';
import { BOOK_ROOM } from './book-room/book-room.slice';
import { BookingBoardController } from './booking-board/booking-board.controller';
import { BOOKING_BOARD } from './booking-board/booking-board.slice';
import { CheckinController } from './checkin/checkin.controller';
import { CHECKIN } from './checkin/checkin.slice';
import { CleanupScheduleController } from './cleanup-schedule/cleanup-schedule.controller';
import { CLEANUP_SCHEDULE } from './cleanup-schedule/cleanup-schedule.slice';
import { CleanupController } from './cleanup/cleanup.controller';
import { CLEANUP } from './cleanup/cleanup.slice';
import { LiveBoardController } from './live-board/live-board.controller';
import { RegisterRoomController } from './register-room/register-room.controller';
import { REGISTER_ROOM } from './register-room/register-room.slice';
import { RoomListController } from './room-list/room-list.controller';
import { ROOM_LIST } from './room-list/room-list.slice';
import { SCHEDULE_CLEANING } from './schedule-cleaning/schedule-cleaning.slice';

/** Rooms of the demo hotel, registered at start when demo data is on (`SEED_DEMO`). */
export const DEMO_ROOMS = [
  { id: '1', name: 'Garden single' },
  { id: '2', name: 'Garden double' },
  { id: '3', name: 'Sea view double' },
  { id: '4', name: 'Family suite' },
  { id: '5', name: 'Penthouse' },
] as const;

/** The hotel's Event Model: booking, cleaning and check-in, slice by slice, as the code declares them. */
export const HOTEL_BOARD: Board = {
  name: 'hotel',
  title: 'Hotel',
  actors: [
    { name: 'Guest', kind: 'person' },
    { name: 'Manager', kind: 'person' },
    { name: 'Bot', kind: 'system' },
  ],
  streams: [HOTEL_STREAM],
  commandSubjects: hotelCommandSubjectFilter(),
  slices: [REGISTER_ROOM, ROOM_LIST, BOOK_ROOM, BOOKING_BOARD, SCHEDULE_CLEANING, CLEANUP_SCHEDULE, CLEANUP, CHECKIN],
  controllers: [
    RegisterRoomController,
    RoomListController,
    BookRoomController,
    BookingBoardController,
    CleanupScheduleController,
    CleanupController,
    CheckinController,
    LiveBoardController,
  ],
  demo: DEMO_ROOMS.map(({ id, name }) => demoCommand(REGISTER_ROOM, { type: 'RegisterRoom', data: { roomId: id, name } })),
};
