import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import { hotelCommandSubject } from '@stream/hotel.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { satisfiedByReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { BookRoom, RoomDayBooking } from './book-room.decider';
import { BookRoomInput } from './book-room.input';
import { BOOK_ROOM } from './book-room.slice';
import { ROOM_REGISTERED } from './room-registered.read';

@Controller('mutation')
export class BookRoomController {
  private readonly decide: CommandHandler<BookRoom, RoomDayBooking, RoomDayEvent>;
  private readonly roomRegistered: (roomId: string) => Promise<boolean>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(BOOK_ROOM);
    this.roomRegistered = slices.read(ROOM_REGISTERED);
  }

  /** 201 with where the booking is stored; the same answer again for the same client's retry. */
  @Put('book-room')
  @MessagePattern(hotelCommandSubject('book-room'))
  @ApiCommand('Book a room for a night: a guest holds it, nobody else can book it then', ['room-must-exist', 'room-already-booked'])
  async bookRoom(@Body(InputPipe) input: BookRoomInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const roomId = entityId(input.data.room.id);
    const roomRegistered = await this.roomRegistered(roomId);
    const command: BookRoom = { type: 'BookRoom', data: { roomId, clientId: entityId(input.data.client.id), date: input.data.date, roomRegistered } };
    const decision = await this.decide.handle(command, caller);
    const booking = decision.state.booking;
    if (!booking) throw new Error(`room-day ${decision.subject} has no booking after it was booked`);
    return satisfiedByReply(201, decision, booking);
  }
}
