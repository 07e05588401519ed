import { Module } from '@nestjs/common';
import { BookRoomModule } from './book-room/book-room.module';
import { BookingBoardModule } from './booking-board/booking-board.module';
import { CheckinModule } from './checkin/checkin.module';
import { CleanupScheduleModule } from './cleanup-schedule/cleanup-schedule.module';
import { CleanupModule } from './cleanup/cleanup.module';
import { LiveBoardModule } from './live-board/live-board.module';
import { RegisterRoomModule } from './register-room/register-room.module';
import { RoomListModule } from './room-list/room-list.module';
import { ScheduleCleaningModule } from './schedule-cleaning/schedule-cleaning.module';

/** The hotel board, one module per slice, in the board's order; the live board page, which shows them all, last. */
@Module({
  imports: [
    RegisterRoomModule,
    RoomListModule,
    BookRoomModule,
    BookingBoardModule,
    ScheduleCleaningModule,
    CleanupScheduleModule,
    CleanupModule,
    CheckinModule,
    LiveBoardModule,
  ],
})
export class HotelModule {}
