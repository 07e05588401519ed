import type { Decision } from '@libs/command/command-handler';
import { CommandReply } from './command-reply';

/** Where a decision's events were stored: the body of every successful command reply. */
export interface StoredDecision {
  readonly eventId: string;
  readonly eventIds: readonly string[];
  readonly stream: string;
  readonly subject: string;
  readonly sequence: number;
}

export const decisionReply = (status: number, decision: StoredDecision): CommandReply => new CommandReply(status, decision);

/**
 * The reply pointing at the event that satisfied the command, whether this decision stored it or
 * an earlier one did: a retried command answers exactly as the first time.
 */
export const satisfiedByReply = <S, E>(
  status: number,
  decision: Decision<S, E>,
  satisfiedBy: { readonly eventId: string; readonly sequence: number },
): CommandReply =>
  decisionReply(status, {
    eventId: satisfiedBy.eventId,
    eventIds: [satisfiedBy.eventId],
    stream: decision.stream,
    subject: decision.subject,
    sequence: satisfiedBy.sequence,
  });

/** The reply for the events this very decision stored. */
export const storedEventsReply = <S, E>(status: number, decision: Decision<S, E>): CommandReply => {
  const eventIds = decision.events.map(({ metadata }) => metadata.id);
  return decisionReply(status, {
    eventId: eventIds[0] ?? '',
    eventIds,
    stream: decision.stream,
    subject: decision.subject,
    sequence: decision.sequence,
  });
};
