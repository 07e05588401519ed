import { Module } from '@nestjs/common';
import { ScheduleCleaningConsumer } from './schedule-cleaning.consumer';
import { ScheduleCleaningHandler } from './schedule-cleaning.handler';

@Module({ providers: [ScheduleCleaningHandler, ScheduleCleaningConsumer] })
export class ScheduleCleaningModule {}
