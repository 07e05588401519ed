import { Inject, Injectable } from '@nestjs/common';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { NatsClient } from '@adapter/nats/nats.client';
import { APP_CONFIG } from '@adapter/runtime/app-config.token';
import type { AppConfig } from '@adapter/runtime/app.config';
import { Consumers } from '@adapter/runtime/consumers';
import { ViewRunner, type ViewAnswer } from '@adapter/runtime/view.runner';
import { cleanupSchedule, type CleanupSchedule } from './cleanup-schedule.projection';
import { CLEANUP_SCHEDULE } from './cleanup-schedule.slice';

/** Keeps the `view-cleanup-schedule` bucket up to date from the room-days, and reads it. */
@Injectable()
export class CleanupScheduleView extends ViewRunner<HotelEvent, CleanupSchedule> {
  constructor(nats: NatsClient, @Inject(APP_CONFIG) config: AppConfig, consumers: Consumers) {
    super(nats, config, consumers, { stream: HOTEL_STREAM, filterSubject: CLEANUP_SCHEDULE.subjects, projection: cleanupSchedule });
  }

  find(date: string, sequence?: number): Promise<ViewAnswer<CleanupSchedule>> {
    return this.query(date, `no cleaning is scheduled on ${date}`, sequence);
  }
}
