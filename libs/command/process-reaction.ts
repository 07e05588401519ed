import type { Message } from '@libs/decider/decider';
import type { ProcessSlice, StepResult } from '@libs/event-model/board';
import { RuleViolation } from '@libs/errors/domain-error';
import { StateCache } from '@libs/cache/state-cache';
import type { CommandContext, CommandHandler } from './command-handler';

/** Where a reaction comes from: the journey it continues and the event that woke it. */
export interface ReactionCause {
  readonly correlationId: string;
  readonly causationId: string;
}

/** Process entities whose "settled through" sequence is remembered, per slice and app instance. */
const REMEMBERED = 10_000;

/**
 * A process slice's reaction, framework-free (the runtime runs it on a durable consumer, `BoardFlow` in
 * memory): read the process's state from the store (at least up to the event that woke it), ask `nextAction`
 * what is left to do, carry out each item through the step's state change (at most `step.concurrency` at once),
 * record the outcomes with the process's own command, and start over until nothing is left. A reaction never
 * decides on the waking event alone, only on the state it read.
 *
 * Idempotent end to end: a step's command is an idempotent decision (decided again, it stores nothing new) and
 * its events' ids derive from the process, its entity and the item; the record's ids derive from the state it
 * was made on, so a reaction run twice (redelivered, on two instances, after a crash between acting and
 * recording) stores each thing once.
 *
 * Once a process entity has nothing left to do through sequence N, deliveries up to N (its own writes among
 * them) do not wake it again: the "next index" of Propulsion. It is kept in memory, so after a restart a
 * delivery may wake a process that finds nothing to do, and does nothing.
 */
export class ProcessReaction<E extends Message<string, unknown> = Message<string, unknown>, S = unknown, C = unknown, I = unknown, O = unknown> {
  private readonly settled = new StateCache<null>(REMEMBERED);

  constructor(
    readonly slice: ProcessSlice<E, S, C, I, O>,
    private readonly own: CommandHandler<C, S, E>,
    private readonly via: CommandHandler<unknown, unknown, Message<string, unknown>>,
  ) {}

  /** Whether an event of the process's entity gives it work: one of the types it reacts to, after what it has settled. */
  wakes(type: string, subject: string, sequence: number): boolean {
    return this.slice.reactsTo.includes(type) && sequence > (this.settled.get(subject)?.sequence ?? 0);
  }

  /**
   * Reacts on the process entity `subject`, woken by its event at `through`: acts and records until its state
   * asks for nothing more. A step's business refusal is an outcome; any other failure is thrown, for a retry
   * of the whole reaction (which then finds done what was done).
   */
  async react(subject: string, through: number, cause: ReactionCause): Promise<{ readonly actions: number; readonly items: number }> {
    let actions = 0;
    let items = 0;
    let unrecorded: string | undefined;
    for (;;) {
      const { state, sequence } = await this.own.current(subject, through);
      const next = this.slice.nextAction(state);
      if (next.length === 0) {
        this.settled.set(subject, null, sequence);
        return { actions, items };
      }
      if (unrecorded === JSON.stringify(next)) {
        throw new Error(`${this.slice.name} recorded nothing for what nextAction asks on ${subject} (${unrecorded}): its record must settle every item of the action`);
      }
      const outcomes = await bounded(next, this.slice.step.concurrency, (item) => this.step(subject, state, item, cause));
      const command = this.slice.record(state, outcomes);
      const recorded = await this.own.handle(command, { ...cause, idempotencyKey: `${this.slice.name}:${subject}@${sequence}` });
      unrecorded = recorded.events.length === 0 ? JSON.stringify(next) : undefined;
      through = recorded.sequence;
      actions++;
      items += next.length;
    }
  }

  private async step(subject: string, state: S, item: I, cause: ReactionCause): Promise<O> {
    const { step } = this.slice;
    const context: CommandContext = { ...cause, idempotencyKey: `${this.slice.name}:${subject}:${JSON.stringify(item)}` };
    let result: StepResult;
    try {
      const decision = await this.via.handle(step.order(state, item), context);
      result = { kind: 'decided', state: decision.state };
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      result = { kind: 'refused', rule: error.code, detail: error.message };
    }
    return step.outcome(item, result);
  }
}

/** `work` on every item, at most `limit` at once, the results in the items' order; after a failure no item is begun, and it is thrown once the others end. */
const bounded = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    for (let index = next++; index < items.length && !failed; index = next++) {
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  const failure = lanes.find((settled): settled is PromiseRejectedResult => settled.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
};
