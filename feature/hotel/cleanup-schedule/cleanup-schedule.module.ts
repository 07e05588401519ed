import { Module } from '@nestjs/common';
import { CleanupScheduleHttp } from './cleanup-schedule.http';
import { CleanupScheduleView } from './cleanup-schedule.view';

@Module({ controllers: [CleanupScheduleHttp], providers: [CleanupScheduleView] })
export class CleanupScheduleModule {}
