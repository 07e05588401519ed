import { Injectable, Logger } from '@nestjs/common';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import type { CommandEndpoint, CommandReply } from '@adapter/command/command-reply';
import { storedEventsReply } from '@adapter/command/decision-reply';
import { CommandHandler, type CommandContext } from '@libs/command/command-handler';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { entityId } from '@adapter/http/validators';
import { cleanRoom, type CleanRoom, type RoomDayCleanup } from './cleanup.decider';
import { CleanupInput } from './cleanup.input';
import { CLEANUP } from './cleanup.slice';

@Injectable()
export class CleanupHandler implements CommandEndpoint<CleanupInput> {
  readonly name = 'cleanup';
  readonly input = CleanupInput;
  private readonly handler: CommandHandler<CleanRoom, RoomDayCleanup, RoomDayEvent>;

  constructor(store: JetStreamEventStore, metrics: AppMetrics) {
    this.handler = new CommandHandler(store, {
      name: `/hotel/${this.name}`,
      stream: HOTEL_STREAM,
      emits: CLEANUP.events,
      decider: cleanRoom,
      subjectOf: (command: CleanRoom) => roomDaySubject(command.data.roomId, command.data.date),
    }, { counters: metrics.commands, log: new Logger('Command') });
  }

  async execute(input: CleanupInput, context: CommandContext): Promise<CommandReply> {
    const command: CleanRoom = { type: 'CleanRoom', data: { roomId: entityId(input.data.room.id), date: input.data.date } };
    return storedEventsReply(201, await this.handler.handle(command, context));
  }
}
