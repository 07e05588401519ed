import type { RecordedEvent } from './decider';

/**
 * The pure heart of a state-view slice: which view document an event touches,
 * and how that document changes. `evolve` never throws; an event it does not care about
 * returns the very document it was given, and the projector then writes nothing, so live
 * subscribers see changes only.
 */
export interface Projection<E, D> {
  /** Names the KV bucket, and the durable consumer that feeds it. */
  readonly name: string;
  /** The document key the event updates, or `undefined` when the view ignores the event. */
  keyOf(event: E): string | undefined;
  evolve(document: D | null, recorded: RecordedEvent<E>): D;
}

/** The pure heart of an automation: an event in, the commands it calls for out. */
export type Reactor<E, C> = (recorded: RecordedEvent<E>) => readonly C[];
