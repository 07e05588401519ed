import { Injectable, Logger } from '@nestjs/common';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { HOTEL_STREAM, roomSubject } from '@stream/hotel.stream';
import type { RoomRegistered } from '@model/hotel/room-registered.event';
import type { CommandEndpoint, CommandReply } from '@adapter/command/command-reply';
import { satisfiedByReply } from '@adapter/command/decision-reply';
import { CommandHandler, type CommandContext } from '@libs/command/command-handler';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { entityId } from '@adapter/http/validators';
import { registerRoom, type RegisterRoom, type RoomRegistration } from './register-room.decider';
import { RegisterRoomInput } from './register-room.input';
import { REGISTER_ROOM } from './register-room.slice';

@Injectable()
export class RegisterRoomHandler implements CommandEndpoint<RegisterRoomInput> {
  readonly name = 'register-room';
  readonly input = RegisterRoomInput;
  private readonly handler: CommandHandler<RegisterRoom, RoomRegistration, RoomRegistered>;

  constructor(store: JetStreamEventStore, metrics: AppMetrics) {
    this.handler = new CommandHandler(store, {
      name: `/hotel/${this.name}`,
      stream: HOTEL_STREAM,
      emits: REGISTER_ROOM.events,
      decider: registerRoom,
      subjectOf: (command: RegisterRoom) => roomSubject(command.data.roomId),
    }, { counters: metrics.commands, log: new Logger('Command') });
  }

  async execute(input: RegisterRoomInput, context: CommandContext): Promise<CommandReply> {
    const roomId = entityId(input.data.room.id);
    const command: RegisterRoom = { type: 'RegisterRoom', data: { roomId, name: input.data.name ?? `Room ${roomId}` } };
    const decision = await this.handler.handle(command, context);
    const registration = decision.state.registration;
    if (!registration) throw new Error(`room ${roomId} is not registered after its registration`);
    return satisfiedByReply(decision.events.length > 0 ? 201 : 200, decision, registration);
  }
}
