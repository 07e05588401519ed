import { StateCache } from '@libs/cache/state-cache';
import { derivedId } from '@libs/ids/derived-id';
import { fold, type Message, type RecordedEvent } from '@libs/decider/decider';
import { ConcurrencyConflict } from '@libs/errors/domain-error';
import type { StateChange } from '@libs/event-model/board';
import { WrongExpectedSequence, type AppendResult, type EventStore } from '@libs/event-store/event-store';
import { CommandCounters, type SliceCommandCounts } from './command-counters';

export interface CommandContext {
  readonly correlationId: string;
  readonly causationId: string;
  /**
   * Where an automation's cause is stored. A command on the cause's own entity is decided on state
   * that includes it: a freshly elected stream leader that has not applied it yet is waited out.
   */
  readonly causedAt?: { readonly subject: string; readonly sequence: number };
  /**
   * Names this piece of work when doing it again must store nothing new (a timer that fires again, an effect's
   * outcome recorded again): the events' ids are derived from it, so two tries of one decision are one write.
   */
  readonly idempotencyKey?: string;
}

export interface Decision<S, E> {
  /** The events stored by this command; empty when the command was already satisfied. */
  readonly events: readonly RecordedEvent<E>[];
  readonly state: S;
  readonly stream: string;
  readonly subject: string;
  /** The entity's last sequence after the decision. */
  readonly sequence: number;
}

export interface CommandHandlerOptions {
  /** Decisions on fresh state before a command is refused with `ConcurrencyConflict`. */
  readonly maxAttempts?: number;
  readonly cacheSize?: number;
  /** Where the handler counts what it does (the app's metrics); a tally of its own by default. */
  readonly counters?: CommandCounters;
  /** Where it says what it decided, at debug level: the app's logger; nowhere by default. */
  readonly log?: DebugLog;
}

/** The one kind of line a handler writes: structured, for debugging. */
export interface DebugLog {
  debug(fields: Readonly<Record<string, unknown>>): void;
}

const SILENT: DebugLog = { debug: () => undefined };

interface Snapshot<S> {
  readonly state: S;
  readonly sequence: number;
  /** Read from the store during this command, not taken from the cache or assumed new. */
  readonly fresh: boolean;
}

/**
 * Runs one state-change slice: take the entity's state, decide, append with the entity's
 * last subject sequence as expectation. A concurrent writer makes the append fail; the command
 * is then decided again on fresh state, a bounded number of times.
 *
 * The hot path reads nothing. A state is taken from the cache, or, for an entity not in the
 * cache, assumed new (the initial state at sequence 0): most commands create their entity, and
 * the store refuses the append at 0 when the entity exists after all, which is when it is read.
 * A refusal or a no-op is only answered on state read during this command.
 */
export class CommandHandler<C, S, E extends Message<string, unknown>> {
  private readonly cache: StateCache<S>;
  private readonly maxAttempts: number;
  private readonly logger: DebugLog;
  private readonly counts: SliceCommandCounts;
  private readonly emits: ReadonlySet<string>;
  /** Per entity, the end of the last command decided or waiting on it in this handler. */
  private readonly queues = new Map<string, Promise<void>>();

  /** `name` is the slice's CloudEvents `source` (`/<board>/<slice>`): what it stores says who decided it, and its counts go by it. */
  constructor(
    private readonly store: EventStore,
    private readonly name: string,
    private readonly slice: StateChange<C, S, E>,
    options: CommandHandlerOptions = {},
  ) {
    this.cache = new StateCache(options.cacheSize ?? 10_000);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.logger = options.log ?? SILENT;
    this.counts = (options.counters ?? new CommandCounters()).of(name);
    this.emits = new Set(slice.events);
  }

  /**
   * The entity's state as the store has it now: what was cached, brought up to date with a read. With
   * `through`, a sequence the entity is known to have reached (the event that woke a process), a read that
   * ends before it (a leader still applying what its predecessor stored) is made again rather than answered.
   */
  async current(subject: string, through = 0): Promise<{ readonly state: S; readonly sequence: number }> {
    const context: CommandContext = { correlationId: '', causationId: '', ...(through > 0 ? { causedAt: { subject, sequence: through } } : {}) };
    const { state, sequence } = await this.catchUp(subject, this.snapshot(subject), context);
    return { state, sequence };
  }

  /**
   * Decides a command on its entity. Commands on one entity in this handler are decided one after another, in the
   * order they came (each on the state the previous one left in the cache), so a burst on one entity (twenty
   * alerts on one service) costs no refused appends here; other writers (other instances, other slices) are still
   * caught by the expected sequence.
   */
  handle(command: C, context: CommandContext): Promise<Decision<S, E>> {
    let subject: string;
    try {
      subject = this.slice.entity(command);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const previous = this.queues.get(subject);
    const decision = previous ? previous.then(() => this.decide(subject, command, context)) : this.decide(subject, command, context);
    const settled = decision.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(subject, settled);
    void settled.then(() => {
      if (this.queues.get(subject) === settled) this.queues.delete(subject);
    });
    return decision;
  }

  private async decide(subject: string, command: C, context: CommandContext): Promise<Decision<S, E>> {
    this.counts.handled++;
    let snapshot = this.snapshot(subject);
    // A state known to be older than the automation's cause (assumed new, or cached before it) is read at
    // once, up to the cause: what may follow it makes the append fail, and a refusal or no-op reads on.
    if (snapshot.sequence < causeOn(subject, context)) snapshot = await this.catchUp(subject, snapshot, context, true);
    // Appends tried on fresh state; a state not read (cached or assumed new) is caught up at most once, so the loop ends.
    let attempts = 0;
    for (;;) {
      let events: readonly E[];
      try {
        events = this.slice.decider.decide(command, snapshot.state);
      } catch (refusal) {
        if (snapshot.fresh) {
          this.logger.debug({ message: 'refused', subject, attempts, refusal: String(refusal) });
          throw refusal;
        }
        snapshot = await this.catchUp(subject, snapshot, context);
        continue;
      }
      if (events.length === 0) {
        if (!snapshot.fresh) {
          snapshot = await this.catchUp(subject, snapshot, context);
          continue;
        }
        this.logger.debug({ message: 'already satisfied', subject, sequence: snapshot.sequence });
        return { events: [], state: snapshot.state, stream: this.slice.stream.name, subject, sequence: snapshot.sequence };
      }
      this.assertDeclared(events);
      if (snapshot.fresh) attempts++;
      try {
        const appended = await this.store.append(this.slice.stream, subject, events, {
          expectedSequence: snapshot.sequence,
          source: this.name,
          correlationId: context.correlationId,
          causationId: context.causationId,
          eventIds: context.idempotencyKey === undefined ? undefined : events.map((_, index) => derivedId(`${context.idempotencyKey}#${index}`)),
        });
        return this.decided(subject, snapshot, events, appended, context);
      } catch (error) {
        if (!(error instanceof WrongExpectedSequence)) throw error;
        if (attempts >= this.maxAttempts) throw new ConcurrencyConflict(subject, this.maxAttempts);
        this.counts.retried++;
        this.logger.debug({ message: 'the entity moved on, deciding again', subject, attempts });
        snapshot = await this.catchUp(subject, snapshot, context);
      }
    }
  }

  private decided(
    subject: string,
    snapshot: Snapshot<S>,
    events: readonly E[],
    appended: AppendResult,
    context: CommandContext,
  ): Decision<S, E> {
    const recorded: RecordedEvent<E>[] = events.map((event, index) => ({
      event,
      metadata: {
        id: appended.eventIds[index] ?? '',
        stream: appended.stream,
        subject,
        sequence: appended.sequence,
        time: appended.time,
        correlationId: context.correlationId,
        causationId: context.causationId,
      },
    }));
    const state = fold(this.slice.decider, recorded, snapshot.state);
    this.cache.set(subject, state, appended.sequence);
    this.logger.debug({ message: 'decided', subject, sequence: appended.sequence, events: events.map((event) => event.type) });
    return { events: recorded, state, stream: appended.stream, subject, sequence: appended.sequence };
  }

  private assertDeclared(events: readonly E[]): void {
    const undeclared = events.filter(({ type }) => !this.emits.has(type)).map(({ type }) => type);
    if (undeclared.length > 0) {
      throw new Error(`${this.name} decided ${undeclared.join(', ')}, which its slice declaration does not list: declare the event or fix the decider`);
    }
  }

  private snapshot(subject: string): Snapshot<S> {
    const cached = this.cache.get(subject);
    if (cached) return { ...cached, fresh: false };
    return { state: this.slice.decider.initialState(), sequence: 0, fresh: false };
  }

  /** Reads what the entity stored after `from`: to its end (a fresh state), or with `toCause` only up to the automation's cause. */
  private async catchUp(subject: string, from: Snapshot<S>, context: CommandContext, toCause = false): Promise<Snapshot<S>> {
    const newer = await this.store.read<E>(this.slice.stream, subject, from.sequence, { through: causeOn(subject, context), stopThere: toCause });
    this.counts.reads++;
    this.counts.eventsRead += newer.events.length;
    const state = fold(this.slice.decider, newer.events, from.state);
    this.cache.set(subject, state, newer.lastSequence);
    return { state, sequence: newer.lastSequence, fresh: !toCause };
  }
}

/** The sequence of an automation's cause when it is stored on `subject`, else 0. */
const causeOn = (subject: string, context: CommandContext): number => (context.causedAt?.subject === subject ? context.causedAt.sequence : 0);
