import { Controller, Get, Param, Redirect, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OpenPage } from '@adapter/http/route-access';
import { BoardFiles } from './live-board.files';

/**
 * Only the page's own origin may load scripts and open connections (the websocket included);
 * the page renders ids typed by people, so nothing else gets to run.
 */
const CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

@Controller()
export class LiveBoardController {
  private readonly files = new BoardFiles();

  @Get()
  @OpenPage()
  @Redirect('/board', 302)
  home(): void {}

  /** The hotel manager's page: rooms of a date, live, with the board's commands. */
  @Get('board')
  @OpenPage()
  page(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'board.html');
  }

  /** The page's stylesheet and ES modules, e.g. `/board/board.js`. */
  @Get('board/:file')
  @OpenPage()
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, file);
  }

  private async send(reply: FastifyReply, name: string): Promise<Buffer> {
    const file = await this.files.read(name);
    void reply
      .header('content-type', file.contentType)
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', CONTENT_SECURITY_POLICY);
    return file.body;
  }
}
