import { PageFiles } from '@adapter/http/page-files';

/** The live board's compiled page, `dist/web/live-board/` (or `directory`, in tests); its entry is `board.html`. */
export const boardFiles = (directory?: string): PageFiles => new PageFiles({ title: 'the live board', folder: 'live-board', entry: 'board.html', directory });
