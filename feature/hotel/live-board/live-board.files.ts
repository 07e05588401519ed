import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { NotFound, ServiceUnavailable } from '@libs/errors/domain-error';

/** Where `npm run build:web` puts the page, relative to the project root. */
export const BOARD_BUILD_DIR = join('dist', 'web', 'live-board');

/** A plain name of the build's own output: no folders, so no way out of the build folder. */
const FILE_NAME = /^[a-z0-9][a-z0-9-]*\.(html|css|js)$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

export interface BoardFile {
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * The compiled page, read from the project root's build folder. The root is the nearest folder
 * holding package.json, so the same code finds it from source (ts-jest) and from dist.
 */
export class BoardFiles {
  constructor(readonly directory = join(projectRoot(__dirname), BOARD_BUILD_DIR)) {}

  /** Read on every request: the page is small, and a rebuild shows without restarting the app. */
  async read(name: string): Promise<BoardFile> {
    if (!FILE_NAME.test(name)) throw new NotFound(`the live board has no file ${name}`);
    try {
      return { contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream', body: await readFile(join(this.directory, name)) };
    } catch (error) {
      if (!isMissing(error)) throw error;
      if (!existsSync(join(this.directory, 'board.html'))) {
        throw new ServiceUnavailable(`the live board is not built in ${this.directory}: run \`npm run build:web\``);
      }
      throw new NotFound(`the live board has no file ${name}`);
    }
  }
}

export const projectRoot = (from: string): string => {
  for (let directory = from; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    if (dirname(directory) === directory) throw new Error(`no package.json in ${from} or above it`);
  }
};

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
