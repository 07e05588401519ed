import { Controller, Get, Param, Redirect, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OpenPage } from '@adapter/http/route-access';
import { boardFiles } from './live-board.files';

@Controller()
export class LiveBoardController {
  private readonly files = boardFiles();

  @Get()
  @OpenPage()
  @Redirect('/board', 302)
  home(): void {}

  /** The hotel manager's page: rooms of a date, live, with the board's commands. */
  @Get('board')
  @OpenPage()
  page(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.files.serve(reply, 'board.html');
  }

  /** The page's stylesheet and ES modules, e.g. `/board/board.js`. */
  @Get('board/:file')
  @OpenPage()
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.files.serve(reply, file);
  }
}
