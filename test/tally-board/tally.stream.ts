import { fillSubject, type EventStreamDefinition, type StreamEntity } from '@libs/event-model/event-stream';
import { subjectToken } from '@libs/ids/entity-id';
import { commandSubject, commandSubjectFilter } from '@stream/command-subjects';
import { TALLY_EVENT_CONTRACTS } from './tally.events';

const SHEET: StreamEntity = {
  name: 'sheet',
  description: 'A tally sheet: its marks, until it closes.',
  subject: 'tally.sheet.{sheetId}',
  params: { sheetId: 'The sheet\'s id' },
  eventTypes: ['MarkAdded', 'SheetClosed'],
};

/** The tally's events: one kind of entity, sheets. */
export const TALLY_STREAM: EventStreamDefinition = {
  name: 'TALLY',
  subjects: ['tally.>'],
  typePrefix: 'tally',
  eventTypes: ['MarkAdded', 'SheetClosed'],
  entities: [SHEET],
  contracts: TALLY_EVENT_CONTRACTS,
};

export const sheetSubject = (sheetId: string): string => fillSubject(SHEET, { sheetId: subjectToken(sheetId) });
export const sheetSubjectFilter = (): string => fillSubject(SHEET, { sheetId: '*' });
export const tallyCommandSubject = (command: string): string => commandSubject('tally', command);
export const tallyCommandSubjectFilter = (): string => commandSubjectFilter('tally');
