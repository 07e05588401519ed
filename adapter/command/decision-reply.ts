import type { CommandReply } from './command-reply';

/** Where a decision's events were stored: the body of every successful command reply. */
export interface StoredDecision {
  readonly eventId: string;
  readonly eventIds: readonly string[];
  readonly stream: string;
  readonly subject: string;
  readonly sequence: number;
}

export const decisionReply = (status: number, decision: StoredDecision): CommandReply => ({ status, body: decision });
