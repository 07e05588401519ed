import { Body, Controller, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InputPipe } from '@adapter/http/input.pipe';
import { commandContext, sendReply } from '@adapter/http/request-context';
import { BookRoomHandler } from './book-room.handler';
import { BookRoomInput } from './book-room.input';

@Controller('mutation')
export class BookRoomHttp {
  constructor(private readonly handler: BookRoomHandler) {}

  /** 201 with where the booking is stored; the same answer again for the same client's retry. */
  @Put('book-room')
  async bookRoom(
    @Body(InputPipe) input: BookRoomInput,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return sendReply(reply, request, await this.handler.execute(input, commandContext(request)));
  }
}
