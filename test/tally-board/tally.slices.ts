import type { Command, Decider } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import { RuleViolation } from '@libs/errors/domain-error';
import type { AutomationSlice, StateChangeSlice, StateViewSlice } from '@libs/event-model/board';
import type { TallyEvent } from './tally.events';
import { sheetSubject, sheetSubjectFilter, TALLY_STREAM, tallyCommandSubject } from './tally.stream';

export type AddMark = Command<'AddMark', { sheetId: string; by: string }>;
export type CloseSheet = Command<'CloseSheet', { sheetId: string }>;
export interface Sheet {
  readonly marks: number;
  readonly closed: boolean;
}
/** A sheet closes at this many marks. */
export const MARKS_TO_CLOSE = 3;

const sheet = <C>(decide: (command: C, state: Sheet) => TallyEvent[]): Decider<C, Sheet, TallyEvent> => ({
  initialState: () => ({ marks: 0, closed: false }),
  evolve: (state, event) => (event.type === 'MarkAdded' ? { ...state, marks: state.marks + 1 } : { ...state, closed: true }),
  decide,
});

export const ADD_MARK: StateChangeSlice<AddMark, Sheet, TallyEvent> = {
  kind: 'state-change',
  name: 'add-mark',
  title: 'Someone adds a mark',
  actor: 'Counter',
  triggers: [
    { kind: 'http', method: 'PUT', path: '/mutation/add-mark' },
    { kind: 'nats', subject: tallyCommandSubject('add-mark') },
  ],
  command: { name: 'AddMark', fields: ['sheetId', 'by'] },
  stream: TALLY_STREAM,
  events: ['MarkAdded'],
  rules: ['a mark is added', 'a closed sheet takes no mark'],
  decider: sheet<AddMark>(({ data }, state) => {
    if (state.closed) throw new RuleViolation('sheet-closed', `sheet ${data.sheetId} is closed`);
    return [{ type: 'MarkAdded', data }];
  }),
  entity: ({ data }) => sheetSubject(data.sheetId),
};

export interface TallyTotal {
  readonly sheetId: string;
  readonly marks: number;
  readonly closed: boolean;
}

const totals: Projection<TallyEvent, TallyTotal> = {
  name: 'tally-totals',
  keyOf: (event) => event.data.sheetId,
  evolve: (document, { event }) => ({
    sheetId: event.data.sheetId,
    marks: (document?.marks ?? 0) + (event.type === 'MarkAdded' ? 1 : 0),
    closed: (document?.closed ?? false) || event.type === 'SheetClosed',
  }),
};

export const TALLY_TOTALS: StateViewSlice<TallyEvent, TallyTotal> = {
  kind: 'state-view',
  name: 'tally-totals',
  title: 'Marks per sheet',
  view: { name: 'tally-totals', fields: ['sheetId', 'marks', 'closed'] },
  stream: TALLY_STREAM,
  subjects: sheetSubjectFilter(),
  events: ['MarkAdded', 'SheetClosed'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/tally/:sheetId' }],
  shownTo: ['Counter'],
  rules: ['marks are counted per sheet'],
  projection: totals,
};

export const CLOSE_SHEET: AutomationSlice<TallyEvent, CloseSheet, Sheet> = {
  kind: 'automation',
  name: 'close-sheet',
  title: 'The clerk closes a full sheet',
  actor: 'Clerk',
  subjects: sheetSubjectFilter(),
  reactsTo: ['MarkAdded'],
  command: { name: 'CloseSheet', fields: ['sheetId'] },
  stream: TALLY_STREAM,
  events: ['SheetClosed'],
  rules: ['a sheet with enough marks is closed once'],
  react: ({ event }) => (event.type === 'MarkAdded' ? [{ type: 'CloseSheet', data: { sheetId: event.data.sheetId } }] : []),
  decider: sheet<CloseSheet>(({ data }, state) => (state.closed || state.marks < MARKS_TO_CLOSE ? [] : [{ type: 'SheetClosed', data }])),
  entity: ({ data }) => sheetSubject(data.sheetId),
};
