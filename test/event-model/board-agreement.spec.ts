import { HOTEL_BOARD } from '@feature/hotel/hotel.board';
import { REMINDER_BOARD } from '@feature/reminder/reminder.board';
import type { Board, Slice } from '@libs/event-model/board';
import { boardDisagreements } from './board-agreement';
import { SliceSources } from './slice-code';

describe('the hotel board and the code of its slices', () => {
    let sources: SliceSources;
  const check = (board: Board): string[] => boardDisagreements(board, sources, (path) => jest.requireActual(path));
  const changed = (name: string, change: (slice: Slice) => Slice): Board => ({
    ...HOTEL_BOARD,
    slices: HOTEL_BOARD.slices.map((slice) => (slice.name === name ? change(slice) : slice)),
  });

  beforeAll(() => {
    sources = new SliceSources(process.cwd());
  });

  it('agree: every slice declares what its code does', () => {
    expect(check(HOTEL_BOARD)).toEqual([]);
  });

  it('agree on the reminders board too: its timer and its effect included', () => {
    expect(check(REMINDER_BOARD)).toEqual([]);
  });

  it('disagree when a decider stores an event its declaration does not list', () => {
    const board = changed('cleanup', (slice) => ({ ...slice, events: ['RoomCleanedUp'] }));
    expect(check(board)).toContain('what its decider decides include "RoomAvailable", which cleanup\'s declared events do not list');
  });

  it('disagree when a view is fed by an event its declaration does not name', () => {
    const board = changed('booking-board', (slice) => ({ ...slice, events: ['RoomBooked', 'RoomAvailable'] }));
    expect(check(board)).toEqual(['the events its projection takes include "GuestCheckedIn", which booking-board\'s view events do not list']);
  });

  it('disagree when a bot reacts to other events than declared, or a trigger or rule is not what the code has', () => {
    const board = changed('schedule-cleaning', (slice) => ({ ...slice, reactsTo: ['RoomAvailable'], rules: [...slice.rules, 'cleanings are free'] }) as Slice);
    const wrongRoute = changed('checkin', (slice) => ({ ...slice, triggers: [{ kind: 'http', method: 'POST', path: '/mutation/checkin' }] }) as Slice);
    expect(check(board)).toEqual([
      'schedule-cleaning\'s rules list "cleanings are free", which is not among its spec titles',
      'schedule-cleaning\'s triggering events list "RoomAvailable", which is not among the events its reactor answers',
      'the events its reactor answers include "RoomBooked", which schedule-cleaning\'s triggering events do not list',
    ]);
    expect(check(wrongRoute)).toEqual([
      'checkin\'s triggers list "POST /mutation/checkin", which is not among what its controller serves',
      'what its controller serves include "PUT /mutation/checkin", which checkin\'s triggers do not list',
      'what its controller serves include "NATS cmd.hotel.checkin", which checkin\'s triggers do not list',
    ]);
  });

  it('disagree when a slice of the code is missing from the board, and an event is stored by none', () => {
    const board = { ...HOTEL_BOARD, slices: HOTEL_BOARD.slices.filter(({ name }) => name !== 'checkin') };
    expect(check(board)).toEqual(['feature/hotel/checkin holds a slice that the hotel board does not declare', 'HOTEL event GuestCheckedIn is stored by no declared slice']);
  });
});
