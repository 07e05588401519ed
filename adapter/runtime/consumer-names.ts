import { sourceOf, type Slice } from '@libs/event-model/board';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';

/** A slice's durable consumer: its name (as dead letters and metrics show it) and the stream it reads. */
export interface SliceConsumer {
  readonly name: string;
  readonly stream: EventStreamDefinition;
}

const PREFIXES = { automation: 'automation', timer: 'timer', effect: 'effect', process: 'process' } as const;

/**
 * The durable consumer a slice runs on: `automation-<slice>`, `timer-<slice>`, `effect-<slice>` or
 * `process-<slice>`, on the stream it reads; none for a state change or a view (a view's projector follows its
 * stream with a consumer of its own that it does not keep).
 */
export const sliceConsumer = (slice: Slice): SliceConsumer | undefined =>
  slice.kind === 'state-change' || slice.kind === 'state-view' ? undefined : { name: `${PREFIXES[slice.kind]}-${slice.name}`, stream: sourceOf(slice) };

/** The durable consumer of a slice that runs on one. */
export const consumerOf = (slice: Slice): SliceConsumer => {
  const consumer = sliceConsumer(slice);
  if (!consumer) throw new Error(`${slice.name} is a ${slice.kind} slice, which runs on no durable consumer`);
  return consumer;
};
