import type { CommandContext, Decision } from '@libs/command/command-handler';
import type { EntityRead } from '@libs/command/entity-read';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import { automationsOf, viewsOf, type AutomationSlice, type Board, type StateChangeSlice, type StateViewSlice } from '@libs/event-model/board';
import { InMemoryEventStore } from '@libs/event-store/in-memory-event-store';

/** An automation's command that a rule refused: the runtime logs and acknowledges it; a flow keeps it to look at. */
export interface Refusal {
  readonly automation: string;
  readonly rule: string;
  readonly cause: string;
}

/**
 * A board's whole flow in memory, in milliseconds: commands decided by the slices' own handlers on the
 * in-memory store, then `settle()` runs every automation and view over what was stored, in stream order,
 * until nothing new is stored (quiescence), as the runtime would on JetStream. Deterministic: no clock,
 * no sleeps, no consumers; what a spec sees after `settle()` is what the app converges to.
 */
export class BoardFlow {
  readonly store = new InMemoryEventStore();
  readonly refusals: Refusal[] = [];
  private readonly handlers: SliceHandlers;
  private readonly automations: readonly AutomationSlice[];
  private readonly views: ReadonlyMap<StateViewSlice, Map<string, unknown>>;
  private readonly reactedThrough = new Map<AutomationSlice, number>();
  private readonly projectedThrough = new Map<StateViewSlice, number>();
  private next = 0;

  constructor(boards: readonly Board[]) {
    this.handlers = new SliceHandlers(boards, this.store, { maxAttempts: 5 });
    this.automations = automationsOf(boards);
    this.views = new Map(viewsOf(boards).map((view) => [view, new Map<string, unknown>()]));
  }

  /** Decides a command of a state-change slice, as its controller would; a refusal is thrown, as there. */
  command<C, S, E extends Message<string, unknown>>(slice: StateChangeSlice<C, S, E>, command: C, caller?: CommandContext): Promise<Decision<S, E>> {
    const id = `flow-${++this.next}`;
    return this.handlers.handler(slice).handle(command, caller ?? { correlationId: id, causationId: id });
  }

  /** The answer of an entity read a slice's decisions need, read from the store. */
  read<Q, A, E extends Message<string, unknown>>(read: EntityRead<Q, A, E>, query: Q): Promise<A> {
    return this.handlers.read(read)(query);
  }

  /** Runs every automation and view over what was stored since they last ran, again and again until nothing new is stored. */
  async settle(): Promise<void> {
    for (let round = 0; ; round++) {
      if (round > 1_000) throw new Error('the flow did not settle in 1,000 rounds: automations keep storing events');
      let reacted = false;
      for (const automation of this.automations) reacted = (await this.react(automation)) || reacted;
      for (const view of this.views.keys()) this.project(view);
      if (!reacted) return;
    }
  }

  /** A view's document under `key`, as its projection made it; undefined when the view has none. */
  view<E extends Message<string, unknown>, D>(slice: StateViewSlice<E, D>, key: string): D | undefined {
    const documents = this.views.get(slice);
    if (!documents) throw new Error(`view ${slice.name} is on none of the flow's boards`);
    return documents.get(key) as D | undefined;
  }

  /** The events stored on an entity's subject, in order. */
  events(stream: string, subject: string): readonly Message<string, unknown>[] {
    return this.store.messages(stream, subject).flatMap(({ events }) => events.map(({ event }) => event));
  }

  /** Whether the automation decided anything new. */
  private async react(automation: AutomationSlice): Promise<boolean> {
    const after = this.reactedThrough.get(automation) ?? 0;
    const messages = this.store.messages(automation.stream.name, automation.subjects, after);
    let stored = false;
    for (const message of messages) {
      for (const recorded of message.events) {
        for (const command of automation.react(recorded)) stored = (await this.execute(automation, command, recorded)) || stored;
      }
      this.reactedThrough.set(automation, message.sequence);
    }
    return stored;
  }

  private async execute(automation: AutomationSlice, command: unknown, cause: RecordedEvent<Message<string, unknown>>): Promise<boolean> {
    const { subject, sequence, correlationId, id } = cause.metadata;
    try {
      const decision = await this.handlers.handler(automation).handle(command, { correlationId, causationId: id, causedAt: { subject, sequence } });
      return decision.events.length > 0;
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      this.refusals.push({ automation: automation.name, rule: error.code, cause: id });
      return false;
    }
  }

  private project(view: StateViewSlice): void {
    const documents = this.views.get(view);
    if (!documents) return;
    for (const message of this.store.messages(view.stream.name, view.subjects, this.projectedThrough.get(view) ?? 0)) {
      for (const recorded of message.events) {
        const key = view.projection.keyOf(recorded.event);
        if (key !== undefined) documents.set(key, view.projection.evolve(documents.get(key) ?? null, recorded));
      }
      this.projectedThrough.set(view, message.sequence);
    }
  }
}
