import type { Logger } from '@nestjs/common';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import type { HotelEvent } from '@model/hotel/hotel.events';
import type { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { automationReactions, type AutomationReactions } from '@adapter/runtime/automation.runner';
import { scheduleCleaningAutomation } from './schedule-cleaning/schedule-cleaning.consumer';
import { ScheduleCleaningHandler } from './schedule-cleaning/schedule-cleaning.handler';

/** An automation of the hotel board, executing its commands through `store`: the same code its durable consumer runs. */
export type HotelAutomation = (store: JetStreamEventStore, logger: Logger) => AutomationReactions<HotelEvent>;

/** Every automation of the hotel board, for what runs their reactions outside the app: a re-drive of a dead letter. */
export const HOTEL_AUTOMATIONS: readonly HotelAutomation[] = [
  (store, logger) => automationReactions(scheduleCleaningAutomation(new ScheduleCleaningHandler(store, new AppMetrics())), logger),
];
