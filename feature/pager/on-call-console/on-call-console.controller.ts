import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OpenPage } from '@adapter/http/route-access';
import { PageFiles } from '@adapter/ops/page-files';

/**
 * Only the page's own origin may load scripts and open connections (the websocket included);
 * the page shows alert messages and addresses that people typed, so nothing else gets to run.
 */
const CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

/**
 * The on-call console: the open incidents, live, with their acknowledge and healthy buttons. The page is open
 * like the hotel's board; the views it watches on `/live` and the commands it sends need a token when
 * `AUTH_TOKENS` is set (the page asks for one).
 */
@Controller('console')
export class OnCallConsoleController {
  private readonly files = new PageFiles('on-call-console');

  @Get()
  @OpenPage()
  page(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'on-call-console.html');
  }

  /** The page's stylesheet and ES modules, e.g. `/console/on-call-console.js`. */
  @Get(':file')
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
