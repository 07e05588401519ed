import { Body, Controller, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommand } from '@adapter/http/api-operations';
import { InputPipe } from '@adapter/http/input.pipe';
import { commandContext, sendReply } from '@adapter/http/request-context';
import { CleanupHandler } from './cleanup.handler';
import { CleanupInput } from './cleanup.input';

@ApiTags('commands')
@Controller('mutation')
export class CleanupHttp {
  constructor(private readonly handler: CleanupHandler) {}

  /** 201 once the room is cleaned and available; 409 when it is not booked, not scheduled or already clean. */
  @Put('cleanup')
  @ApiCommand('Clean up a booked room: RoomCleanedUp and RoomAvailable, stored together', ['room-must-be-booked', 'cleanup-must-be-scheduled', 'room-already-cleaned'])
  async cleanup(
    @Body(InputPipe) input: CleanupInput,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return sendReply(reply, request, await this.handler.execute(input, commandContext(request)));
  }
}
