import type { Message } from '@libs/decider/decider';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';

/**
 * What a decision needs to know besides its own entity's events, read from another entity's events: the
 * hotel's "is this room registered?" before a booking. Named, and given to the handler factory by the
 * slice that needs it, so the dependency is as visible as the decider's own. Its answer is the fold of the
 * other entity's events; an answer that can never change again may be remembered.
 */
export interface EntityRead<Q, A, E extends Message<string, unknown> = Message<string, unknown>> {
  readonly name: string;
  readonly stream: EventStreamDefinition;
  /** The subject of the entity the query is about (ids checked by the stream's subject builders). */
  subjectOf(query: Q): string;
  initial(): A;
  evolve(answer: A, event: E): A;
  /** Whether the answer holds forever (a room once registered stays registered), so it can be kept instead of read again. */
  settled(answer: A): boolean;
}
