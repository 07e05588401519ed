import { Body, Controller, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InputPipe } from '@adapter/http/input.pipe';
import { commandContext, sendReply } from '@adapter/http/request-context';
import { CheckinHandler } from './checkin.handler';
import { CheckinInput } from './checkin.input';

@Controller('mutation')
export class CheckinHttp {
  constructor(private readonly handler: CheckinHandler) {}

  /** 201 once the guest occupies the room; 409 when not booked by them, not clean yet, or already checked in. */
  @Put('checkin')
  async checkin(
    @Body(InputPipe) input: CheckinInput,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return sendReply(reply, request, await this.handler.execute(input, commandContext(request)));
  }
}
