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
import type { CheckIn, RoomDayArrival } from './checkin.decider';
import { CheckinInput } from './checkin.input';
import { CHECKIN } from './checkin.slice';

@Controller('mutation')
export class CheckinController {
  private readonly decide: CommandHandler<CheckIn, RoomDayArrival, RoomDayEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(CHECKIN);
  }

  /** 201 once the guest occupies the room; 409 when not booked by them, not clean yet, or already checked in. */
  @Put('checkin')
  @MessagePattern(hotelCommandSubject('checkin'))
  @ApiCommand('Check in: the guest who booked occupies the cleaned room', ['room-must-be-booked', 'booked-by-another-client', 'room-must-be-available', 'guest-already-checked-in'])
  async checkin(@Body(InputPipe) input: CheckinInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const command: CheckIn = { type: 'CheckIn', data: { roomId: entityId(input.data.room.id), clientId: entityId(input.data.client.id), date: input.data.date } };
    return storedEventsReply(201, await this.decide.handle(command, caller));
  }
}
