import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import { hotelCommandSubject } from '@stream/hotel.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { storedEventsReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { CleanRoom, RoomDayCleanup } from './cleanup.decider';
import { CleanupInput } from './cleanup.input';
import { CLEANUP } from './cleanup.slice';

@Controller('mutation')
export class CleanupController {
  private readonly decide: CommandHandler<CleanRoom, RoomDayCleanup, RoomDayEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(CLEANUP);
  }

  /** 201 once the room is cleaned and available; 409 when it is not booked, not scheduled or already clean. */
  @Put('cleanup')
  @MessagePattern(hotelCommandSubject('cleanup'))
  @ApiCommand('Clean up a booked room: RoomCleanedUp and RoomAvailable, stored together', ['room-must-be-booked', 'cleanup-must-be-scheduled', 'room-already-cleaned'])
  async cleanup(@Body(InputPipe) input: CleanupInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const command: CleanRoom = { type: 'CleanRoom', data: { roomId: entityId(input.data.room.id), date: input.data.date } };
    return storedEventsReply(201, await this.decide.handle(command, caller));
  }
}
