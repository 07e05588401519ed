import { Body, Controller, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommand } from '@adapter/http/api-operations';
import { InputPipe } from '@adapter/http/input.pipe';
import { commandContext, sendReply } from '@adapter/http/request-context';
import { BookRoomHandler } from './book-room.handler';
import { BookRoomInput } from './book-room.input';

@ApiTags('commands')
@Controller('mutation')
export class BookRoomHttp {
  constructor(private readonly handler: BookRoomHandler) {}

  /** 201 with where the booking is stored; the same answer again for the same client's retry. */
  @Put('book-room')
  @ApiCommand('Book a room for a night: a guest holds it, nobody else can book it then', ['room-must-exist', 'room-already-booked'])
  async bookRoom(
    @Body(InputPipe) input: BookRoomInput,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return sendReply(reply, request, await this.handler.execute(input, commandContext(request)));
  }
}
