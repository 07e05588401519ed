import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OpenPage } from '@adapter/http/route-access';
import { PageFiles } from './page-files';

/** Scripts, styles and connections from the page's own origin only: the page shows what effects wrote, which people typed. */
const CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

/**
 * The outbox's page: every email, Slack message and text message delivered to the local outbox, newest first,
 * live. The page is open like the board's; what it shows comes from `GET /outbox` and `GET /outbox/live`, which
 * need a token when `AUTH_TOKENS` is set (the page asks for one).
 */
@Controller('outbox')
export class OutboxPageController {
  private readonly files = new PageFiles('outbox');

  @Get('page')
  @OpenPage()
  page(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'outbox.html');
  }

  /** The page's stylesheet and ES modules, e.g. `/outbox/page/outbox.js`. */
  @Get('page/:file')
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
