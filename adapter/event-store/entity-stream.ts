import type { RecordedEvent } from '@libs/decider/decider';

export interface AppendOptions {
  /** Last sequence of the entity's subject the decision was made on; 0 for a new entity. */
  readonly expectedSequence: number;
  readonly source: string;
  readonly correlationId: string;
  readonly causationId: string;
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
  /** End the read at `through`, without asking whether newer events follow: for a caller whose append expects `through`, which JetStream refuses when they do. */
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
