import { Body, Controller, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommand } from '@adapter/http/api-operations';
import { InputPipe } from '@adapter/http/input.pipe';
import { commandContext, sendReply } from '@adapter/http/request-context';
import { RegisterRoomHandler } from './register-room.handler';
import { RegisterRoomInput } from './register-room.input';

@ApiTags('commands')
@Controller('mutation')
export class RegisterRoomHttp {
  constructor(private readonly handler: RegisterRoomHandler) {}

  @Put('register-room')
  @ApiCommand('Register a room, so that it can be booked (idempotent)', [])
  async registerRoom(
    @Body(InputPipe) input: RegisterRoomInput,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return sendReply(reply, request, await this.handler.execute(input, commandContext(request)));
  }
}
