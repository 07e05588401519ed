import { Injectable, Logger } from '@nestjs/common';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import { CommandHandler, type CommandContext, type Decision } from '@libs/command/command-handler';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { scheduleCleaning, type RoomDayCleaningPlan, type ScheduleCleaning } from './schedule-cleaning.decider';
import { SCHEDULE_CLEANING } from './schedule-cleaning.slice';

@Injectable()
export class ScheduleCleaningHandler {
  private readonly handler: CommandHandler<ScheduleCleaning, RoomDayCleaningPlan, RoomDayEvent>;

  constructor(store: JetStreamEventStore, metrics: AppMetrics) {
    this.handler = new CommandHandler(store, {
      name: '/hotel/schedule-cleaning',
      stream: HOTEL_STREAM,
      emits: SCHEDULE_CLEANING.events,
      decider: scheduleCleaning,
      subjectOf: (command: ScheduleCleaning) => roomDaySubject(command.data.roomId, command.data.date),
    }, { counters: metrics.commands, log: new Logger('Command') });
  }

  execute(command: ScheduleCleaning, context: CommandContext): Promise<Decision<RoomDayCleaningPlan, RoomDayEvent>> {
    return this.handler.handle(command, context);
  }
}
