import { Injectable } from '@nestjs/common';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { NatsClient } from '@adapter/nats/nats.client';
import { AutomationRunner, type AutomationOptions } from '@adapter/runtime/automation.runner';
import { Consumers } from '@adapter/runtime/consumers';
import type { ScheduleCleaning } from './schedule-cleaning.decider';
import { ScheduleCleaningHandler } from './schedule-cleaning.handler';
import { onRoomBooked } from './schedule-cleaning.reactor';
import { SCHEDULE_CLEANING } from './schedule-cleaning.slice';

/** The bot as an automation: every booking's room-day gets its cleaning scheduled, through the handler given. */
export const scheduleCleaningAutomation = (handler: ScheduleCleaningHandler): AutomationOptions<HotelEvent, ScheduleCleaning> => ({
  name: 'schedule-cleaning',
  stream: HOTEL_STREAM,
  filterSubject: SCHEDULE_CLEANING.subjects,
  react: onRoomBooked,
  execute: (command, context) => handler.execute(command, context),
});

/** The bot: its own durable consumer on the room-days, reacting to every booking. */
@Injectable()
export class ScheduleCleaningConsumer extends AutomationRunner<HotelEvent, ScheduleCleaning> {
  constructor(nats: NatsClient, consumers: Consumers, handler: ScheduleCleaningHandler) {
    super(nats, consumers, scheduleCleaningAutomation(handler));
  }
}
