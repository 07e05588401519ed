import { Body, Controller, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommand } from '@adapter/http/api-operations';
import { InputPipe } from '@adapter/http/input.pipe';
import { commandContext, sendReply } from '@adapter/http/request-context';
import { CheckinHandler } from './checkin.handler';
import { CheckinInput } from './checkin.input';

@ApiTags('commands')
@Controller('mutation')
export class CheckinHttp {
  constructor(private readonly handler: CheckinHandler) {}

  /** 201 once the guest occupies the room; 409 when not booked by them, not clean yet, or already checked in. */
  @Put('checkin')
  @ApiCommand('Check in: the guest who booked occupies the cleaned room', ['room-must-be-booked', 'booked-by-another-client', 'room-must-be-available', 'guest-already-checked-in'])
  async checkin(
    @Body(InputPipe) input: CheckinInput,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return sendReply(reply, request, await this.handler.execute(input, commandContext(request)));
  }
}
