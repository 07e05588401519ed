import { Injectable, Logger } from '@nestjs/common';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import type { CommandEndpoint, CommandReply } from '@adapter/command/command-reply';
import { storedEventsReply } from '@adapter/command/decision-reply';
import { CommandHandler, type CommandContext } from '@libs/command/command-handler';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { entityId } from '@adapter/http/validators';
import { checkIn, type CheckIn, type RoomDayArrival } from './checkin.decider';
import { CheckinInput } from './checkin.input';
import { CHECKIN } from './checkin.slice';

@Injectable()
export class CheckinHandler implements CommandEndpoint<CheckinInput> {
  readonly name = 'checkin';
  readonly input = CheckinInput;
  private readonly handler: CommandHandler<CheckIn, RoomDayArrival, RoomDayEvent>;

  constructor(store: JetStreamEventStore, metrics: AppMetrics) {
    this.handler = new CommandHandler(store, {
      name: `/hotel/${this.name}`,
      stream: HOTEL_STREAM,
      emits: CHECKIN.events,
      decider: checkIn,
      subjectOf: (command: CheckIn) => roomDaySubject(command.data.roomId, command.data.date),
    }, { counters: metrics.commands, log: new Logger('Command') });
  }

  async execute(input: CheckinInput, context: CommandContext): Promise<CommandReply> {
    const data = { roomId: entityId(input.data.room.id), clientId: entityId(input.data.client.id), date: input.data.date };
    return storedEventsReply(201, await this.handler.handle({ type: 'CheckIn', data }, context));
  }
}
