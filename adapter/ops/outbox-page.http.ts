import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OpenPage } from '@adapter/http/route-access';
import { PageFiles } from '@adapter/http/page-files';

/**
 * The outbox's page: every email, Slack message and text message delivered to the local outbox, newest first,
 * live. The page is open like the board's; what it shows comes from `GET /outbox` and `GET /outbox/live`, which
 * need a token when `AUTH_TOKENS` is set (the page asks for one).
 */
@Controller('outbox')
export class OutboxPageController {
  private readonly files = new PageFiles({ title: 'the outbox page', folder: 'outbox', entry: 'outbox.html' });

  @Get('page')
  @OpenPage()
  page(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.files.serve(reply, 'outbox.html');
  }

  /** The page's stylesheet and ES modules, e.g. `/outbox/page/outbox.js`. */
  @Get('page/:file')
  @OpenPage()
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.files.serve(reply, file);
  }
}
