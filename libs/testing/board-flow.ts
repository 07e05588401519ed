import type { CommandContext, Decision } from '@libs/command/command-handler';
import type { EntityRead } from '@libs/command/entity-read';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import { ProcessReaction } from '@libs/command/process-reaction';
import {
  automationsOf,
  settingDefaults,
  sourceOf,
  effectsOf,
  processesOf,
  timersOf,
  viewsOf,
  type AutomationSlice,
  type Board,
  type EffectOutcome,
  type EffectRequest,
  type EffectSlice,
  type ProcessSlice,
  type StateChangeSlice,
  type StateViewSlice,
  type TimerSlice,
} from '@libs/event-model/board';
import { InMemoryEventStore } from '@libs/event-store/in-memory-event-store';
import { FlowTimers, type FlowAction, type FlowTimer } from './flow-timers';

/** An automation's or a timer's command that a rule refused: the runtime logs and acknowledges it; a flow keeps it to look at. */
export interface Refusal {
  readonly slice: string;
  readonly rule: string;
  readonly cause: string;
}

/** How an outside world answers one attempt of an effect's request, in a flow: the test's stand-in for a receiver. */
export type FlowSend = (request: EffectRequest, attempt: number) => 'sent' | { readonly retry: string } | { readonly refused: string };

export interface BoardFlowOptions {
  /** Where the flow's clock starts, in milliseconds since the epoch. */
  readonly now?: number;
  /** The outside world, by sender name (`http-callback`, …): every request attempted is passed to it. */
  readonly senders?: Readonly<Record<string, FlowSend>>;
}

type Reactor = AutomationSlice | TimerSlice | EffectSlice | ProcessSlice;

/**
 * A board's whole flow in memory, in milliseconds, on a clock the spec moves: commands decided by the slices'
 * own handlers on the in-memory store, then `settle()` runs every automation, timer, effect, process and view over what
 * was stored, in stream order, and fires the timers due, until nothing new is stored (quiescence), as the
 * runtime would on JetStream. `advance(ms)` moves the clock and settles again. Deterministic: no sleeps, no
 * consumers, no jitter; what a spec sees after `settle()` is what the app converges to.
 */
export class BoardFlow {
  readonly store: InMemoryEventStore;
  readonly refusals: Refusal[] = [];
  readonly timers = new FlowTimers();
  private readonly handlers: SliceHandlers;
  private readonly reactors: readonly Reactor[];
  private readonly slices: ReadonlyMap<string, Reactor>;
  private readonly reactions: ReadonlyMap<ProcessSlice, ProcessReaction>;
  private readonly views: ReadonlyMap<StateViewSlice, Map<string, unknown>>;
  private readonly through = new Map<Reactor | StateViewSlice, number>();
  private clock: number;
  private next = 0;

  constructor(
    boards: readonly Board[],
    private readonly options: BoardFlowOptions = {},
  ) {
    this.clock = options.now ?? Date.UTC(2026, 0, 1, 8);
    this.store = new InMemoryEventStore(() => new Date(this.clock));
    this.handlers = new SliceHandlers(boards, this.store, { maxAttempts: 5 });
    this.reactors = [...automationsOf(boards), ...timersOf(boards), ...effectsOf(boards), ...processesOf(boards)];
    this.reactions = new Map(processesOf(boards).map((slice) => [slice, new ProcessReaction(slice, this.handlers.handler(slice), this.handlers.handler(slice.step.via))]));
    this.slices = new Map(this.reactors.map((slice) => [slice.name, slice]));
    this.views = new Map(viewsOf(boards).map((view) => [view, new Map<string, unknown>()]));
  }

  /** The flow's clock, in milliseconds since the epoch. */
  get now(): number {
    return this.clock;
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

  /** Runs every automation, timer, effect and view over what was stored, and fires what is due, until nothing new happens. */
  async settle(): Promise<void> {
    for (let round = 0; ; round++) {
      if (round > 1_000) throw new Error('the flow did not settle in 1,000 rounds: its slices keep storing events');
      let moved = false;
      for (const reactor of this.reactors) moved = (await this.react(reactor)) || moved;
      for (const timer of this.timers.due(this.clock)) moved = (await this.fire(timer)) || moved;
      for (const view of this.views.keys()) this.project(view);
      if (!moved) return;
    }
  }

  /** Moves the clock `ms` ahead as time passes: through each timer's due time in turn, settling at each, then to the end. */
  async advance(ms: number): Promise<void> {
    const until = this.clock + ms;
    for (let next = this.timers.waiting[0]; next && next.at <= until; next = this.timers.waiting[0]) {
      this.clock = Math.max(this.clock, next.at);
      await this.settle();
    }
    this.clock = until;
    await this.settle();
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

  /** Whether the slice did anything: stored events, or set, cleared or carried out something. */
  private async react(slice: Reactor): Promise<boolean> {
    let moved = false;
    for (const message of this.store.messages(sourceOf(slice).name, slice.subjects, this.through.get(slice) ?? 0)) {
      for (const recorded of message.events) moved = (await this.reactTo(slice, recorded)) || moved;
      this.through.set(slice, message.sequence);
    }
    return moved;
  }

  private async reactTo(slice: Reactor, recorded: RecordedEvent<Message<string, unknown>>): Promise<boolean> {
    const { subject, sequence, correlationId, id } = recorded.metadata;
    const cause = { correlationId, causationId: id };
    if (slice.kind === 'automation') {
      let stored = false;
      for (const command of slice.react(recorded, settingDefaults(slice.settings))) stored = (await this.decide(slice, command, { ...cause, causedAt: { subject, sequence } })) || stored;
      return stored;
    }
    if (slice.kind === 'timer') {
      const changes = slice.timers(recorded);
      for (const change of changes) {
        const key = `${slice.name}.${change.timer}`;
        if (change.kind === 'clear') this.timers.clear(key, sequence);
        else this.timers.set({ key, generation: sequence, at: Date.parse(change.at), action: { kind: 'command', slice: slice.name, command: change.command }, ...cause });
      }
      return changes.length > 0;
    }
    if (slice.kind === 'process') {
      const reaction = this.reactions.get(slice);
      if (!reaction?.wakes(recorded.event.type, subject, sequence)) return false;
      return (await reaction.react(subject, sequence, cause)).actions > 0;
    }
    if (!slice.reactsTo.includes(recorded.event.type)) return false;
    const target = slice.target?.(recorded) ?? subject;
    const { state } = await this.handlers.handler(slice).current(target);
    const request = slice.request(recorded, state);
    return request ? this.attempt(slice, request, 1, target, cause) : false;
  }

  private async fire(timer: FlowTimer): Promise<boolean> {
    const action: FlowAction = timer.action;
    const slice = this.slices.get(action.slice);
    const cause = { correlationId: timer.correlationId, causationId: timer.causationId };
    if (action.kind === 'command' && slice?.kind === 'timer') return this.decide(slice, action.command, { ...cause, idempotencyKey: `${timer.key}@${timer.generation}` });
    if (action.kind === 'attempt' && slice?.kind === 'effect') return this.attempt(slice, { key: action.key, payload: action.payload }, action.attempt, action.subject, cause);
    throw new Error(`timer ${timer.key} asks for a ${action.kind} of ${action.slice}, which the flow's boards do not have`);
  }

  /** One attempt of an effect, as the runtime makes it (without its jitter): the outside world is the spec's sender. */
  private async attempt(slice: EffectSlice, request: EffectRequest, attempt: number, subject: string, cause: { correlationId: string; causationId: string }): Promise<boolean> {
    const handler = this.handlers.handler(slice);
    if (!slice.wanted((await handler.current(subject)).state, request)) return false;
    const send = this.options.senders?.[slice.sender.name];
    if (!send) throw new Error(`${slice.name} sends through ${slice.sender.name}, which the flow was not given`);
    const answer = send(request, attempt);
    const outcome: EffectOutcome | undefined =
      answer === 'sent'
        ? { succeeded: true, attempts: attempt }
        : 'refused' in answer
          ? { succeeded: false, attempts: attempt, reason: answer.refused }
          : attempt >= slice.retry.attempts.fallback
            ? { succeeded: false, attempts: attempt, reason: `${answer.retry}; gave up after ${attempt} attempts` }
            : undefined;
    if (outcome) return this.decide(slice, slice.outcome(request, outcome), { ...cause, idempotencyKey: `${slice.name}.${request.key}@outcome` });
    const at = this.clock + slice.retry.backoffMs.fallback * 2 ** (attempt - 1);
    const action: FlowAction = { kind: 'attempt', slice: slice.name, key: request.key, payload: request.payload, attempt: attempt + 1, subject };
    this.timers.set({ key: `${slice.name}.${request.key}`, generation: attempt + 1, at, action, ...cause });
    return true;
  }

  /** Decides a command of a slice; whether it stored anything. A rule's refusal is kept, as the runtime logs it. */
  private async decide(slice: AutomationSlice | TimerSlice | EffectSlice, command: unknown, context: CommandContext): Promise<boolean> {
    try {
      return (await this.handlers.handler(slice).handle(command, context)).events.length > 0;
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      this.refusals.push({ slice: slice.name, rule: error.code, cause: context.causationId });
      return false;
    }
  }

  private project(view: StateViewSlice): void {
    const documents = this.views.get(view);
    if (!documents) return;
    for (const message of this.store.messages(view.stream.name, view.subjects, this.through.get(view) ?? 0)) {
      for (const recorded of message.events) {
        const key = view.projection.keyOf(recorded.event);
        if (key !== undefined) documents.set(key, view.projection.evolve(documents.get(key) ?? null, recorded));
      }
      this.through.set(view, message.sequence);
    }
  }
}
