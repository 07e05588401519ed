import { subjectToken } from '@libs/ids/entity-id';

/** Messages an automation or projection could not process, kept for inspection and re-drive. */
export const DEAD_LETTER_STREAM = {
  name: 'DEAD_LETTER',
  subjects: ['deadletter.>'],
  /** One subject per consumer that gave up on messages: `automation-<slice>` or `view-<slice>`. */
  subject: 'deadletter.{consumer}',
} as const;

const SUBJECT_PREFIX = DEAD_LETTER_STREAM.subject.replace('{consumer}', '');

export const deadLetterSubject = (consumer: string): string => DEAD_LETTER_STREAM.subject.replace('{consumer}', subjectToken(consumer));

/** The consumer a dead letter's subject names. */
export const deadLetterConsumer = (subject: string): string => subject.slice(SUBJECT_PREFIX.length);
