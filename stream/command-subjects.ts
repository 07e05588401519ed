import { subjectToken } from '@libs/ids/entity-id';

/**
 * NATS request/reply subjects of a board's commands: `cmd.<board>.<command>`. Outside every event
 * stream's subjects, so a command is never stored as an event; one filter per board for permissions.
 */
export const commandSubject = (board: string, command: string): string => `cmd.${subjectToken(board)}.${subjectToken(command)}`;

/** Every command of a board, for permissions and subscriptions. */
export const commandSubjectFilter = (board: string): string => `cmd.${subjectToken(board)}.>`;
