import { describeTrigger, eventsStoredBy, type Board, type Slice, type Sticky } from './board';
import { streamLane } from './event-stream';

/** A box on the board, by its top-left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One horizontal band of the board: the heading row, an actor's lane, the commands and views row, or a stream's lane. */
export interface Band extends Box {
  readonly label: string;
  readonly sublabel?: string;
  readonly kind: 'heading' | 'actor' | 'how' | 'stream';
}

export type Piece =
  | { readonly kind: 'heading'; readonly box: Box; readonly slice: Slice }
  | { readonly kind: 'screen'; readonly box: Box; readonly lines: readonly string[] }
  | { readonly kind: 'gear'; readonly box: Box }
  | { readonly kind: 'clock'; readonly box: Box }
  | { readonly kind: 'command' | 'view' | 'event'; readonly box: Box; readonly sticky: Sticky };

export interface Arrow {
  readonly from: Box;
  readonly to: Box;
}

export interface BoardLayout {
  readonly width: number;
  readonly height: number;
  readonly bands: readonly Band[];
  readonly pieces: readonly Piece[];
  readonly arrows: readonly Arrow[];
}

export const LABEL_WIDTH = 170;
export const COLUMN_WIDTH = 240;
export const STICKY_WIDTH = 160;
export const LINE = 14;
const ACTOR_HEIGHT = 120;
const PAD = 12;

/** Lines of at most `width` characters, broken between words. */
export const wrap = (text: string, width: number): string[] =>
  text.split(' ').reduce<string[]>((lines, word) => {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) return [...lines.slice(0, -1), `${last} ${word}`];
    return [...lines, word];
  }, []);

export const stickyHeight = (sticky: Sticky): number => 26 + LINE * sticky.fields.length;

export const headingLines = (slice: Slice): { title: string[]; rules: string[][] } => ({
  title: wrap(slice.title, 30),
  rules: slice.rules.map((rule) => wrap(rule, 34)),
});

const headingHeight = (slice: Slice): number => {
  const { title, rules } = headingLines(slice);
  return PAD * 2 + LINE * (title.length + 1.5) + LINE * rules.flat().length;
};

/**
 * Places a board's pieces like a hand-drawn Event Model: one column per slice in the board's order,
 * actors' lanes on top (screens, a bot's or an effect's gear, a clock), commands and views in the middle row, and one
 * swimlane per stream with the events each slice stores, in that slice's column.
 */
export const layoutBoard = (board: Board, top = 0): BoardLayout => {
  const heading = Math.max(...board.slices.map(headingHeight));
  const how = Math.max(60, ...board.slices.map((slice) => (slice.kind === 'state-view' ? stickyHeight(slice.view) : stickyHeight(slice.command)))) + PAD * 2;
  const laneHeight = (stream: string): number =>
    Math.max(70, ...board.slices.map((slice) => eventsStoredBy(slice).filter((event) => laneOf(board, slice, event) === stream).length).map((count) => count * 80 + PAD));
  const bands: Band[] = [{ label: board.title, kind: 'heading', x: 0, y: top, width: 0, height: heading }];
  const push = (band: Omit<Band, 'x' | 'y' | 'width'>): void => {
    const last = bands.at(-1)!;
    bands.push({ ...band, x: 0, y: last.y + last.height, width: 0 });
  };
  board.actors.forEach((actor) => push({ label: actor.name, sublabel: actor.kind === 'system' ? 'automation' : 'person', kind: 'actor', height: ACTOR_HEIGHT }));
  push({ label: 'Commands & views', kind: 'how', height: how });
  board.streams.forEach((stream) => push({ label: stream.name, sublabel: stream.subjects.join(' '), kind: 'stream', height: laneHeight(stream.name) }));
  const width = LABEL_WIDTH + COLUMN_WIDTH * board.slices.length;
  const sized = bands.map((band) => ({ ...band, width }));
  const band = (kind: Band['kind'], label?: string): Band => sized.find((candidate) => candidate.kind === kind && (label === undefined || candidate.label === label))!;
  const pieces: Piece[] = [];
  const arrows: Arrow[] = [];
  const eventBoxes = new Map<string, Box[]>();
  /** Where the events a view takes or a bot reacts to arrive: the view's sticky, the bot's gear. */
  const fed = new Map<Slice, Box>();

  board.slices.forEach((slice, column) => {
    const left = LABEL_WIDTH + column * COLUMN_WIDTH;
    const centered = (width: number, height: number, within: Band, offset = 0): Box => ({ x: left + (COLUMN_WIDTH - width) / 2, y: within.y + PAD + offset, width, height });
    pieces.push({ kind: 'heading', slice, box: { x: left, y: band('heading').y, width: COLUMN_WIDTH, height: heading } });
    const middle = band('how');
    const sticky = slice.kind === 'state-view' ? slice.view : slice.command;
    const stickyBox = centered(STICKY_WIDTH, stickyHeight(sticky), middle);
    pieces.push({ kind: slice.kind === 'state-view' ? 'view' : 'command', sticky, box: stickyBox });
    if (slice.kind === 'state-view') {
      fed.set(slice, stickyBox);
      for (const actor of slice.shownTo) {
        const screen = centered(COLUMN_WIDTH - 24, ACTOR_HEIGHT - PAD * 2, band('actor', actor));
        pieces.push({ kind: 'screen', box: screen, lines: slice.queries.map(describeTrigger) });
        arrows.push({ from: stickyBox, to: screen });
      }
      return;
    }
    const starter = slice.kind === 'state-change' ? centered(COLUMN_WIDTH - 24, ACTOR_HEIGHT - PAD * 2, band('actor', slice.actor)) : centered(56, 56, band('actor', slice.actor), 20);
    pieces.push(
      slice.kind === 'state-change'
        ? { kind: 'screen', box: starter, lines: slice.triggers.map(describeTrigger) }
        : { kind: slice.kind === 'timer' ? 'clock' : 'gear', box: starter },
    );
    arrows.push({ from: starter, to: stickyBox });
    if (slice.kind !== 'state-change') fed.set(slice, starter);
    const placed = new Map<string, number>();
    eventsStoredBy(slice).forEach((event) => {
      const stream = board.streams.find(({ name }) => name === laneOf(board, slice, event)) ?? slice.stream;
      const index = placed.get(stream.name) ?? 0;
      placed.set(stream.name, index + 1);
      const fields = streamLane(stream).eventFields[event] ?? [];
      const box = centered(STICKY_WIDTH - 10, stickyHeight({ name: event, fields }), band('stream', stream.name), index * 80);
      pieces.push({ kind: 'event', sticky: { name: event, fields }, box });
      arrows.push({ from: stickyBox, to: box });
      eventBoxes.set(event, [...(eventBoxes.get(event) ?? []), box]);
    });
  });
  for (const [slice, target] of fed) {
    const feeding = slice.kind === 'state-view' ? slice.events : slice.kind === 'state-change' ? [] : slice.reactsTo;
    feeding.flatMap((event) => eventBoxes.get(event) ?? []).forEach((from) => arrows.push({ from, to: target }));
  }
  const last = sized.at(-1)!;
  return { width, height: last.y + last.height, bands: sized, pieces, arrows };
};

/** The lane of an event a slice stores: the board's stream that holds its type (a process's step may store on another stream), else the slice's own. */
const laneOf = (board: Board, slice: Slice, event: string): string | undefined =>
  slice.kind === 'state-view' ? undefined : (board.streams.find(({ eventTypes }) => eventTypes.includes(event)) ?? slice.stream).name;
