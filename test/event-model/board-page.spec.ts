import { HOTEL_BOARD } from '@feature/hotel/hotel.board';
import { eventsStoredBy, isAutomation, isStateView, type Board } from '@libs/event-model/board';
import { COLUMN_WIDTH, headingLines, LABEL_WIDTH, layoutBoard, type Box } from '@libs/event-model/board-layout';
import { boardIndexPage, boardPage, boardPagePath } from '@libs/event-model/board-svg';

const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('the Event Model board drawn from the declarations', () => {
  const layout = layoutBoard(HOTEL_BOARD);
  const stickies = (kind: 'command' | 'view' | 'event') => layout.pieces.flatMap((piece) => (piece.kind === kind ? [piece] : []));
  const arrowsInto = (box: Box) => layout.arrows.filter(({ to }) => to === box).map(({ from }) => from);

  it('has one column per slice, in the board order, with each piece inside its column', () => {
    const headings = layout.pieces.flatMap((piece) => (piece.kind === 'heading' ? [piece] : []));
    expect(headings.map(({ slice }) => slice.name)).toEqual(HOTEL_BOARD.slices.map(({ name }) => name));
    expect(layout.width).toBe(LABEL_WIDTH + COLUMN_WIDTH * HOTEL_BOARD.slices.length);
    const columnOf = (box: Box): number => Math.floor((box.x - LABEL_WIDTH) / COLUMN_WIDTH);
    for (const piece of layout.pieces) {
      const column = columnOf(piece.box);
      expect(inside(piece.box, { x: LABEL_WIDTH + column * COLUMN_WIDTH, y: 0, width: COLUMN_WIDTH, height: layout.height })).toBe(true);
    }
  });

  it('puts every stored event once in its stream lane, under the slice that stores it', () => {
    const lane = layout.bands.find(({ kind, label }) => kind === 'stream' && label === 'HOTEL')!;
    const events = stickies('event');
    expect(events.map(({ sticky }) => sticky.name).sort()).toEqual(HOTEL_BOARD.slices.flatMap(eventsStoredBy).sort());
    expect(events.every(({ box }) => inside(box, lane))).toBe(true);
    expect(events.find(({ sticky }) => sticky.name === 'RoomBooked')?.sticky.fields).toEqual(['roomId', 'date', 'clientId']);
  });

  it('draws an arrow from each event a view takes to the view, and from each event a bot reacts to to its gear', () => {
    const eventBox = (name: string): Box => stickies('event').find(({ sticky }) => sticky.name === name)!.box;
    for (const view of HOTEL_BOARD.slices.filter(isStateView)) {
      const sticky = stickies('view').find((piece) => piece.sticky === view.view)!;
      expect(arrowsInto(sticky.box)).toEqual(expect.arrayContaining(view.events.map(eventBox)));
      expect(arrowsInto(sticky.box)).toHaveLength(view.events.length);
    }
    const gears = layout.pieces.filter((piece) => piece.kind === 'gear');
    expect(gears).toHaveLength(HOTEL_BOARD.slices.filter(isAutomation).length);
    expect(arrowsInto(gears[0]!.box)).toEqual([eventBox('RoomBooked')]);
  });

  it('renders a page that names every slice, command, view and event, with text escaped', () => {
    const page = boardPage(HOTEL_BOARD);
    const names = HOTEL_BOARD.slices.flatMap((slice) => [...headingLines(slice).title, slice.kind === 'state-view' ? slice.view.name : slice.command.name, ...eventsStoredBy(slice)]);
    expect(names.filter((name) => !page.includes(`>${name}<`))).toEqual([]);
    const hostile: Board = { ...HOTEL_BOARD, title: '<script>alert(1)</script>' };
    expect(boardPage(hostile)).not.toContain('<script>');
    expect(boardIndexPage([hostile])).not.toContain('<script>');
    expect(boardPage(HOTEL_BOARD)).toBe(page);
  });

  it('lists every board on the index page, linking each to its own page', () => {
    const index = boardIndexPage([HOTEL_BOARD]);
    expect(index).toContain(`<a href="${boardPagePath(HOTEL_BOARD)}">Hotel</a>`);
    expect(boardPagePath(HOTEL_BOARD)).toBe('model/hotel.html');
  });
});
