import type { Board } from './board';
import { headingLines, LINE, type Arrow, type Band, type Box, type Piece, layoutBoard } from './board-layout';

/** The post-it colours of Event Modeling: blue commands, green views, orange events. */
const COLOURS = { command: '#9fd6f5', view: '#cde58a', event: '#f7b27a', heading: '#fdf3cf', actor: '#eaf3fb', how: '#f7fbe9', stream: '#efeff7' } as const;
const FONT = 'Helvetica, Arial, sans-serif';
const INK = '#222';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const text = (x: number, y: number, content: string, attributes = ''): string =>
  `<text x="${x}" y="${y}" font-size="11" fill="${INK}"${attributes ? ` ${attributes}` : ''}>${escape(content)}</text>`;

const rect = (box: Box, fill: string, extra = ''): string =>
  `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;

const band = (drawn: Band): string =>
  [
    rect(drawn, COLOURS[drawn.kind], 'stroke="#ccc"'),
    text(12, drawn.y + 22, drawn.label, 'font-size="16" font-weight="bold"'),
    drawn.sublabel ? text(12, drawn.y + 40, drawn.sublabel, 'fill="#666"') : '',
  ].join('');

const piece = (drawn: Piece): string => {
  const { box } = drawn;
  switch (drawn.kind) {
    case 'heading': {
      const { title, rules } = headingLines(drawn.slice);
      let y = box.y + 12 + LINE;
      const lines = [text(box.x + 10, box.y + 12 + LINE - 16, drawn.slice.kind.replace('-', ' '), 'fill="#8a6d00" font-size="9" letter-spacing="1"')];
      for (const line of title) lines.push(text(box.x + 10, (y += LINE) - LINE + 4, line, 'font-size="13" font-weight="bold"'));
      y += LINE / 2;
      for (const rule of rules) rule.forEach((line, index) => lines.push(text(box.x + 10, (y += LINE), `${index === 0 ? '• ' : '  '}${line}`)));
      return `<g class="heading">${rect(box, 'none', 'stroke="#e0d9b8"')}${lines.join('')}</g>`;
    }
    case 'screen':
      return `<g class="screen">${rect(box, '#fff', 'stroke="#555" rx="4"')}${rect({ x: box.x, y: box.y, width: box.width, height: 14 }, '#ddd', 'rx="4"')}${drawn.lines
        .map((line, index) => text(box.x + 8, box.y + 32 + index * LINE, line, 'font-family="monospace" font-size="10"'))
        .join('')}</g>`;
    case 'gear': {
      const [cx, cy, r] = [box.x + box.width / 2, box.y + box.height / 2, box.width / 2];
      const teeth = Array.from({ length: 8 }, (_, index) => {
        const angle = (index * Math.PI) / 4;
        return `<line x1="${cx}" y1="${cy}" x2="${(cx + Math.cos(angle) * r).toFixed(1)}" y2="${(cy + Math.sin(angle) * r).toFixed(1)}" stroke="${INK}" stroke-width="9"/>`;
      }).join('');
      return `<g class="gear">${teeth}<circle cx="${cx}" cy="${cy}" r="${r * 0.72}" fill="${INK}"/><circle cx="${cx}" cy="${cy}" r="${r * 0.3}" fill="#fff"/></g>`;
    }
    case 'clock': {
      const [cx, cy, r] = [box.x + box.width / 2, box.y + box.height / 2, box.width / 2];
      return `<g class="clock"><circle cx="${cx}" cy="${cy}" r="${r}" fill="#fff" stroke="${INK}" stroke-width="4"/><line x1="${cx}" y1="${cy}" x2="${cx}" y2="${(cy - r * 0.7).toFixed(1)}" stroke="${INK}" stroke-width="4"/><line x1="${cx}" y1="${cy}" x2="${(cx + r * 0.5).toFixed(1)}" y2="${cy}" stroke="${INK}" stroke-width="4"/></g>`;
    }
    default:
      return `<g class="${drawn.kind}">${rect(box, COLOURS[drawn.kind], 'stroke="#00000022"')}${text(box.x + 8, box.y + 16, drawn.sticky.name, 'font-weight="bold"')}${drawn.sticky.fields
        .map((field, index) => text(box.x + 8, box.y + 30 + index * LINE, `- ${field}`))
        .join('')}</g>`;
  }
};

/** A curve from the nearer edge of one box to the other's, ending in an arrowhead. */
const arrow = ({ from, to }: Arrow): string => {
  const down = from.y + from.height <= to.y;
  const [x1, y1] = [from.x + from.width / 2, down ? from.y + from.height : from.y];
  const [x2, y2] = [to.x + to.width / 2, down ? to.y : to.y + to.height];
  const middle = (y1 + y2) / 2;
  return `<path d="M${x1} ${y1} C${x1} ${middle}, ${x2} ${middle}, ${x2} ${y2}" fill="none" stroke="#333" stroke-width="1.2" marker-end="url(#arrowhead)"/>`;
};

/** One board as an SVG document. */
export const boardSvg = (board: Board): string => {
  const layout = layoutBoard(board);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${FONT}" role="img" aria-label="${escape(board.title)} Event Model">`,
    '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#333"/></marker></defs>',
    rect({ x: 0, y: 0, width: layout.width, height: layout.height }, '#fff'),
    ...layout.bands.map(band),
    ...layout.pieces.map(piece),
    ...layout.arrows.map(arrow),
    '</svg>',
  ].join('\n');
};

const HEAD = (title: string): string =>
  `<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><link rel="icon" href="data:,"></head>`;

/** A board's own page: its Event Model, self-contained, for `npm run model` and the app's `/model/<board>.html`. */
export const boardPage = (board: Board): string =>
  ['<!doctype html>', HEAD(`${board.title}: Event Model`), '<body>', `<section id="${escape(board.name)}"><h1>${escape(board.title)}</h1>`, boardSvg(board), '</section>', '</body></html>', ''].join('\n');

/** The page that lists every board the app runs, each with its slices and streams, linking to its own page (`/model`). */
export const boardIndexPage = (boards: readonly Board[]): string =>
  [
    '<!doctype html>',
    HEAD('Event Models'),
    '<body>',
    '<h1>Event Models</h1>',
    '<ul>',
    ...boards.map(
      (board) =>
        `<li><a href="${boardPagePath(board)}">${escape(board.title)}</a>: ${board.slices.length} slices; streams ${board.streams.map(({ name }) => escape(name)).join(', ')}</li>`,
    ),
    '</ul>',
    '</body></html>',
    '',
  ].join('\n');

/** Where a board's page is, relative to the index: `/model/<board>.html` in the app, `model/<board>.html` beside `index.html` on disk. */
export const boardPagePath = (board: Board): string => `model/${encodeURIComponent(board.name)}.html`;
