import { Module } from '@nestjs/common';
import { BookRoomModule } from './book-room/book-room.module';
import { BookingBoardModule } from './booking-board/booking-board.module';
import { CheckinModule } from './checkin/checkin.module';
import { CleanupScheduleModule } from './cleanup-schedule/cleanup-schedule.module';
import { CleanupModule } from './cleanup/cleanup.module';
import { RegisterRoomModule } from './register-room/register-room.module';
import { ScheduleCleaningModule } from './schedule-cleaning/schedule-cleaning.module';

/** The hotel board, one module per slice, in the board's order. */
@Module({
  imports: [
    RegisterRoomModule,
    BookRoomModule,
    BookingBoardModule,
    ScheduleCleaningModule,
    CleanupScheduleModule,
    CleanupModule,
    CheckinModule,
  ],
})
export class HotelModule {}
