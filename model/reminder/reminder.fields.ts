import type { FieldContract } from '@libs/event-model/event-contract';

/** The fields reminder events share, with what they mean wherever they appear. */
export const REMINDER_ID: FieldContract = { kind: 'entity-id', description: 'The reminder, a UUID the service gave it when it was defined.' };
export const DUE_AT: FieldContract = { kind: 'instant', description: 'When the reminder is due: its definition time plus its delay.' };
export const ATTEMPTS: FieldContract = { kind: 'count', description: 'Callback attempts made, the last one included.' };
