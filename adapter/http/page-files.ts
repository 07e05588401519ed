import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { NotFound, ServiceUnavailable } from '@libs/errors/domain-error';

/** A plain name of the build's own output: no folders, so no way out of the build folder. */
const FILE_NAME = /^[a-z0-9][a-z0-9-]*\.(html|css|js)$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/**
 * Only the page's own origin may load scripts and open connections (the websocket included): the app's pages show
 * what people typed (ids, alert messages, addresses, what effects wrote), so nothing else gets to run.
 */
const CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

export interface PageFile {
  readonly contentType: string;
  readonly body: Buffer;
}

export interface PageSource {
  /** How errors name the page: `the live board`. */
  readonly title: string;
  /** The folder `npm run build:web` writes it to, under the project root: `live-board` for `dist/web/live-board`. */
  readonly folder: string;
  /** Its entry file, whose absence means the page was never built. */
  readonly entry: string;
  /** Another folder than the build's, for tests. */
  readonly directory?: string;
}

/**
 * One of the app's own compiled pages (the hotel's board, the outbox, the on-call console), as `npm run build:web`
 * leaves it in `dist/web/<folder>/` under the project root: the nearest folder holding package.json, so the same
 * code finds it from source (ts-jest) and from dist.
 */
export class PageFiles {
  readonly directory: string;

  constructor(private readonly page: PageSource) {
    this.directory = page.directory ?? join(projectRoot(__dirname), 'dist', 'web', page.folder);
  }

  /** Read on every request: the page is small, and a rebuild shows without restarting the app. */
  async read(name: string): Promise<PageFile> {
    if (!FILE_NAME.test(name)) throw new NotFound(`${this.page.title} has no file ${name}`);
    try {
      return { contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream', body: await readFile(join(this.directory, name)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') throw error;
      if (!existsSync(join(this.directory, this.page.entry))) {
        throw new ServiceUnavailable(`${this.page.title} is not built in ${this.directory}: run \`npm run build:web\``);
      }
      throw new NotFound(`${this.page.title} has no file ${name}`);
    }
  }

  /** A file as a route answers it: its content type, not cached without asking, not sniffed, under the pages' content security policy. */
  async serve(reply: FastifyReply, name: string): Promise<Buffer> {
    const file = await this.read(name);
    void reply
      .header('content-type', file.contentType)
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', CONTENT_SECURITY_POLICY);
    return file.body;
  }
}

export const projectRoot = (from: string): string => {
  for (let directory = from; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    if (dirname(directory) === directory) throw new Error(`no package.json in ${from} or above it`);
  }
};
