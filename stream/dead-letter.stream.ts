import { subjectToken } from '@libs/ids/entity-id';

/** Messages an automation or projection could not process, kept for inspection and re-drive. */
export const DEAD_LETTER_STREAM = {
  name: 'DEAD_LETTER',
  subjects: ['deadletter.>'],
} as const;

export const deadLetterSubject = (consumer: string): string => `deadletter.${subjectToken(consumer)}`;
