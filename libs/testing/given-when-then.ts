import { expect } from '@jest/globals';
import { fold, type Decider, type EventMetadata, type Message, type RecordedEvent } from '@libs/decider/decider';
import type { ProcessSlice, StepResult } from '@libs/event-model/board';
import type { Projection } from '@libs/decider/projection';
import { RuleViolation } from '@libs/errors/domain-error';

/** Metadata for events in pure tests: sequence n, id `event-n`. */
export const recorded = <E>(events: readonly E[], subject = 'test.subject'): RecordedEvent<E>[] =>
  events.map((event, index) => ({ event, metadata: testMetadata(index + 1, subject) }));

export const testMetadata = (sequence: number, subject = 'test.subject'): EventMetadata => ({
  id: `event-${sequence}`,
  stream: 'TEST',
  subject,
  sequence,
  time: new Date(Date.UTC(2022, 11, 12, 8, 0, sequence)).toISOString(),
  correlationId: 'correlation-1',
  causationId: 'causation-1',
});

/**
 * Given past events, when a command is decided, then these events are produced,
 * or the named rule refuses it.
 */
export const DeciderSpecification = {
  for<C, S, E>(decider: Decider<C, S, E>) {
    return {
      given(events: readonly E[]) {
        const state = fold(decider, recorded(events));
        return {
          when(command: C) {
            const decide = (): readonly E[] => decider.decide(command, state);
            return {
              then(expected: readonly E[]): void {
                expect(decide()).toEqual(expected);
              },
              thenNothingHappens(): void {
                expect(decide()).toEqual([]);
              },
              thenRefuses(rule: string): void {
                let refusal: unknown;
                try {
                  decide();
                } catch (error) {
                  refusal = error;
                }
                expect(refusal).toBeInstanceOf(RuleViolation);
                expect((refusal as RuleViolation).code).toBe(rule);
              },
            };
          },
        };
      },
    };
  },
};

/** Given events, the view holds these documents, by key. */
export const ProjectionSpecification = {
  for<E, D>(projection: Projection<E, D>) {
    return {
      given(events: readonly E[]) {
        const documents = new Map<string, D>();
        for (const event of recorded(events)) {
          const key = projection.keyOf(event.event);
          if (key === undefined) continue;
          documents.set(key, projection.evolve(documents.get(key) ?? null, event));
        }
        return {
          then(expected: Readonly<Record<string, D>>): void {
            expect(Object.fromEntries(documents)).toEqual(expected);
          },
        };
      },
    };
  },
};

/**
 * A process's pure parts: given its entity's events, its next action is these items (`thenNextAction`), and
 * when its steps end with these results, the record it decides stores these events (`whenSteps(...).then`), or
 * nothing (a repeat). Results are given per item, as the step's state change would answer.
 */
export const ProcessSpecification = {
  for<E extends Message<string, unknown>, S, C, I, O>(slice: ProcessSlice<E, S, C, I, O>) {
    return {
      given(events: readonly E[]) {
        const state = fold(slice.decider, recorded(events));
        return {
          thenNextAction(expected: readonly I[]): void {
            expect(slice.nextAction(state)).toEqual(expected);
          },
          /** The step's command for each item of the next action. */
          thenOrders(expected: readonly unknown[]): void {
            expect(slice.nextAction(state).map((item) => slice.step.order(state, item))).toEqual(expected);
          },
          whenSteps(results: ReadonlyArray<readonly [I, StepResult]>) {
            const record = (): readonly E[] => slice.decider.decide(slice.record(state, results.map(([item, result]) => slice.step.outcome(item, result))), state);
            return {
              then(expected: readonly E[]): void {
                expect(record()).toEqual(expected);
              },
              thenNothingHappens(): void {
                expect(record()).toEqual([]);
              },
            };
          },
        };
      },
    };
  },
};
