import { subjectToken } from '@libs/ids/entity-id';

/** Messages an automation or projection could not process, kept for inspection and re-drive. */
export const DEAD_LETTER_STREAM = {
  name: 'DEAD_LETTER',
  subjects: ['deadletter.>'],
} as const;

const SUBJECT_PREFIX = 'deadletter.';

export const deadLetterSubject = (consumer: string): string => `${SUBJECT_PREFIX}${subjectToken(consumer)}`;

/** The consumer a dead letter's subject names. */
export const deadLetterConsumer = (subject: string): string => subject.slice(SUBJECT_PREFIX.length);
