import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OpenPage } from '@adapter/http/route-access';
import { PageFiles } from '@adapter/http/page-files';

/**
 * The on-call console: the open incidents, live, with their acknowledge and healthy buttons. The page is open
 * like the hotel's board; the views it watches on `/live` and the commands it sends need a token when
 * `AUTH_TOKENS` is set (the page asks for one).
 */
@Controller('console')
export class OnCallConsoleController {
  private readonly files = new PageFiles({ title: 'the on-call console', folder: 'on-call-console', entry: 'on-call-console.html' });

  @Get()
  @OpenPage()
  page(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.files.serve(reply, 'on-call-console.html');
  }

  /** The page's stylesheet and ES modules, e.g. `/console/on-call-console.js`. */
  @Get(':file')
  @OpenPage()
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.files.serve(reply, file);
  }
}
