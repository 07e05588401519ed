import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';

/**
 * Where entities keep their events: one subject per entity in a stream, appended to with the entity's
 * last sequence as expectation, so that a decision is stored only on the state it was made on. The
 * JetStream implementation is the app's (`adapter/event-store`); the in-memory one runs a board's flows
 * in tests. Both are held to one contract (`libs/testing/event-store.contract.ts`).
 */
export interface EventStore {
  /**
   * Events of one entity stored after sequence `after`, in order. A message that is not an event of the
   * stream is skipped. With `through`, a read that ends before that sequence (a leader still applying what
   * its predecessor stored) is retried for a while before it fails.
   */
  read<E extends Message<string, unknown>>(stream: EventStreamDefinition, subject: string, after?: number, position?: KnownPosition): Promise<EntityEvents<E>>;

  /**
   * Appends a decision's events as one message, all or none, if the entity's last sequence is still
   * `options.expectedSequence`; otherwise refuses with `WrongExpectedSequence`. An append retried with
   * the same event ids at the same expectation is answered as the first one was, and stores nothing again.
   */
  append<E extends Message<string, unknown>>(stream: EventStreamDefinition, subject: string, events: readonly E[], options: AppendOptions): Promise<AppendResult>;
}

export interface AppendOptions {
  /** Last sequence of the entity's subject the decision was made on; 0 for a new entity. */
  readonly expectedSequence: number;
  readonly source: string;
  readonly correlationId: string;
  readonly causationId: string;
  /**
   * The events' ids, one per event, when the caller derives them (a timer firing, a process recording an
   * outcome): a second append of the same ids at the same expectation is the same write, not a rival one.
   * New random ids otherwise.
   */
  readonly eventIds?: readonly string[];
}

export interface AppendResult {
  readonly stream: string;
  readonly subject: string;
  readonly sequence: number;
  readonly eventIds: readonly string[];
  readonly time: string;
}

export interface EntityEvents<E> {
  readonly events: RecordedEvent<E>[];
  /** Sequence of the entity's last message, or the `after` it was asked from when there is none newer. */
  readonly lastSequence: number;
}

/** What a reader knows of the entity it reads. */
export interface KnownPosition {
  /** A sequence the entity has reached: a read that ends before it (a new leader still applying) is retried within the budget. */
  readonly through?: number;
  /** End the read at `through`, without asking whether newer events follow: for a caller whose append expects `through`, which the store refuses when they do. */
  readonly stopThere?: boolean;
}

/** Another decision was stored on the entity since its state was read: decide again on fresh state. */
export class WrongExpectedSequence extends Error {
  constructor(
    readonly subject: string,
    readonly expectedSequence: number,
    options?: { cause?: unknown },
  ) {
    super(`${subject} has moved past sequence ${expectedSequence}`, options);
    this.name = 'WrongExpectedSequence';
  }
}
