import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { NotFound, ServiceUnavailable } from '@libs/errors/domain-error';

/** A plain name of the build's own output: no folders, so no way out of the build folder. */
const FILE_NAME = /^[a-z0-9][a-z0-9-]*\.(html|css|js)$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

export interface PageFile {
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * One of the app's own compiled pages, as `npm run build:web` leaves it in `dist/web/<page>/` under the project
 * root: the nearest folder holding package.json, so the same code finds it from source (ts-jest) and from dist.
 * Its entry is `<page>.html`.
 */
export class PageFiles {
  readonly directory: string;

  constructor(private readonly page: string) {
    this.directory = join(projectRoot(__dirname), 'dist', 'web', page);
  }

  /** Read on every request: the page is small, and a rebuild shows without restarting the app. */
  async read(name: string): Promise<PageFile> {
    if (!FILE_NAME.test(name)) throw new NotFound(`the ${this.page} page has no file ${name}`);
    try {
      return { contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream', body: await readFile(join(this.directory, name)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') throw error;
      if (!existsSync(join(this.directory, `${this.page}.html`))) {
        throw new ServiceUnavailable(`the ${this.page} page is not built in ${this.directory}: run \`npm run build:web\``);
      }
      throw new NotFound(`the ${this.page} page has no file ${name}`);
    }
  }
}

const projectRoot = (from: string): string => {
  for (let directory = from; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    if (dirname(directory) === directory) throw new Error(`no package.json in ${from} or above it`);
  }
};
