import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import type { RoomRegistered } from '@model/hotel/room-registered.event';
import { hotelCommandSubject } from '@stream/hotel.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { satisfiedByReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { RegisterRoom, RoomRegistration } from './register-room.decider';
import { RegisterRoomInput } from './register-room.input';
import { REGISTER_ROOM } from './register-room.slice';

@Controller('mutation')
export class RegisterRoomController {
  private readonly decide: CommandHandler<RegisterRoom, RoomRegistration, RoomRegistered>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(REGISTER_ROOM);
  }

  /** 201 when the room is new, 200 when it was registered before (with that registration's event). */
  @Put('register-room')
  @MessagePattern(hotelCommandSubject('register-room'))
  @ApiCommand('Register a room, so that it can be booked (idempotent)', [])
  async registerRoom(@Body(InputPipe) input: RegisterRoomInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const roomId = entityId(input.data.room.id);
    const decision = await this.decide.handle({ type: 'RegisterRoom', data: { roomId, name: input.data.name ?? `Room ${roomId}` } }, caller);
    const registration = decision.state.registration;
    if (!registration) throw new Error(`room ${roomId} is not registered after its registration`);
    return satisfiedByReply(decision.events.length > 0 ? 201 : 200, decision, registration);
  }
}
