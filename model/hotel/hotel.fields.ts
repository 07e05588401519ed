import type { FieldContract } from '@libs/event-model/event-contract';

/** The fields hotel events share, with what they mean wherever they appear. */
export const ROOM_ID: FieldContract = { kind: 'entity-id', description: 'The room, as registered: a token of its subjects and view keys.' };
export const CLIENT_ID: FieldContract = { kind: 'entity-id', description: 'The client who booked the room.' };
export const DATE: FieldContract = { kind: 'date', description: 'The night this is about, YYYY-MM-DD.' };
export const TEAM: FieldContract = { kind: 'text', description: 'The cleaning team assigned to the room for the date.' };

/** One room on one date: the entity every room-day event is about. */
export const ROOM_DAY = { roomId: ROOM_ID, date: DATE } as const;
