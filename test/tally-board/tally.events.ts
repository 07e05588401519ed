import type { DomainEvent } from '@libs/decider/decider';
import { eventContract, type EventContract } from '@libs/event-model/event-contract';

/** Someone put a mark on a tally sheet. */
export type MarkAdded = DomainEvent<'MarkAdded', { sheetId: string; by: string }>;
/** The sheet holds enough marks: it takes no more. */
export type SheetClosed = DomainEvent<'SheetClosed', { sheetId: string }>;
export type TallyEvent = MarkAdded | SheetClosed;

const SHEET_ID = { kind: 'entity-id', description: 'The tally sheet.' } as const;

export const TALLY_EVENT_CONTRACTS: Readonly<Record<TallyEvent['type'], EventContract>> = {
  MarkAdded: eventContract<MarkAdded>({
    type: 'MarkAdded',
    version: 1,
    description: 'Someone put a mark on a tally sheet.',
    fields: { sheetId: SHEET_ID, by: { kind: 'text', description: 'Who put the mark.' } },
    example: { sheetId: 's1', by: 'ada' },
  }),
  SheetClosed: eventContract<SheetClosed>({
    type: 'SheetClosed',
    version: 1,
    description: 'The sheet holds enough marks: it takes no more.',
    fields: { sheetId: SHEET_ID },
    example: { sheetId: 's1' },
  }),
};
