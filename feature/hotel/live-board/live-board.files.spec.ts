import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFound, ServiceUnavailable } from '@libs/errors/domain-error';
import { projectRoot } from '@adapter/http/page-files';
import { boardFiles } from './live-board.files';

describe('the live board files', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'live-board-files-'));
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('are served with their content type', async () => {
    writeFileSync(join(directory, 'board.html'), '<!doctype html>');
    writeFileSync(join(directory, 'live-link.js'), 'export {};');
    const files = boardFiles(directory);
    expect(await files.read('board.html')).toEqual({ contentType: 'text/html; charset=utf-8', body: Buffer.from('<!doctype html>') });
    expect((await files.read('live-link.js')).contentType).toBe('text/javascript; charset=utf-8');
  });

  it('never leave the build folder', async () => {
    mkdirSync(join(directory, 'web'));
    writeFileSync(join(directory, 'web', 'board.html'), '<!doctype html>');
    writeFileSync(join(directory, 'secret.js'), 'export {};');
    const files = boardFiles(join(directory, 'web'));
    for (const name of ['../secret.js', '..%2Fsecret.js', '.env', 'board.ts', 'missing.js']) {
      await expect(files.read(name)).rejects.toBeInstanceOf(NotFound);
    }
  });

  it('say to build the page when it is not built', async () => {
    const files = boardFiles(join(directory, 'never-built'));
    await expect(files.read('board.html')).rejects.toBeInstanceOf(ServiceUnavailable);
    await expect(files.read('board.html')).rejects.toThrow('npm run build:web');
  });

  it('are found from the project root, from source as from dist', () => {
    expect(projectRoot(__dirname)).toBe(join(__dirname, '..', '..', '..'));
    expect(boardFiles().directory).toBe(join(__dirname, '..', '..', '..', 'dist', 'web', 'live-board'));
  });
});
