import { Logger } from '@nestjs/common';
import { fold, type Decider, type Message, type RecordedEvent } from '@libs/decider/decider';
import { ConcurrencyConflict } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@stream/event-stream';
import { JetStreamEventStore, WrongExpectedSequence, type AppendResult } from './jetstream-event-store';
import { StateCache } from './state-cache';

/** What a state-change slice declares so the runtime can run its decider against JetStream. */
export interface StateChange<C, S, E> {
  /** The slice's name: the CloudEvents `source` of what it decides. */
  readonly name: string;
  readonly stream: EventStreamDefinition;
  readonly decider: Decider<C, S, E>;
  /** The entity's subject, built by the stream's subject builders (ids validated there). */
  readonly subjectOf: (command: C) => string;
}

export interface CommandContext {
  readonly correlationId: string;
  readonly causationId: string;
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
  readonly maxAttempts?: number;
  readonly cacheSize?: number;
}

interface Snapshot<S> {
  readonly state: S;
  readonly sequence: number;
  /** Read from the store during this command, not taken from the cache. */
  readonly fresh: boolean;
}

/**
 * Runs one state-change slice: load the entity's state, decide, append with the entity's
 * last subject sequence as expectation. A concurrent writer makes the append fail; the command
 * is then decided again on fresh state, a bounded number of times.
 *
 * States are cached per subject, so the hot path reads nothing: a stale cached state makes the
 * append fail, and a refusal or a no-op is only answered after checking that nothing newer exists.
 */
export class CommandHandler<C, S, E extends Message<string, unknown>> {
  private readonly cache: StateCache<S>;
  private readonly maxAttempts: number;
  private readonly logger: Logger;

  constructor(
    private readonly store: JetStreamEventStore,
    private readonly slice: StateChange<C, S, E>,
    options: CommandHandlerOptions = {},
  ) {
    this.cache = new StateCache(options.cacheSize ?? 10_000);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.logger = new Logger(`Command ${slice.name}`);
  }

  async handle(command: C, context: CommandContext): Promise<Decision<S, E>> {
    const subject = this.slice.subjectOf(command);
    let snapshot = await this.snapshot(subject);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      let events: readonly E[];
      try {
        events = this.slice.decider.decide(command, snapshot.state);
      } catch (refusal) {
        if (snapshot.fresh) {
          this.logger.debug({ message: 'refused', subject, attempt, refusal: String(refusal), ...context });
          throw refusal;
        }
        snapshot = await this.catchUp(subject, snapshot);
        continue;
      }
      if (events.length === 0) {
        if (!snapshot.fresh) {
          snapshot = await this.catchUp(subject, snapshot);
          continue;
        }
        this.logger.debug({ message: 'already satisfied', subject, sequence: snapshot.sequence, ...context });
        return { events: [], state: snapshot.state, stream: this.slice.stream.name, subject, sequence: snapshot.sequence };
      }
      try {
        const appended = await this.store.append(this.slice.stream, subject, events, {
          expectedSequence: snapshot.sequence,
          source: this.slice.name,
          ...context,
        });
        return this.decided(subject, snapshot, events, appended, context);
      } catch (error) {
        if (!(error instanceof WrongExpectedSequence)) throw error;
        this.logger.debug({ message: 'concurrent write, deciding again', subject, attempt, ...context });
        snapshot = await this.catchUp(subject, snapshot);
      }
    }
    throw new ConcurrencyConflict(subject, this.maxAttempts);
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
        ...context,
      },
    }));
    const state = fold(this.slice.decider, recorded, snapshot.state);
    this.cache.set(subject, state, appended.sequence);
    this.logger.debug({ message: 'decided', subject, sequence: appended.sequence, events: events.map((event) => event.type), ...context });
    return { events: recorded, state, stream: appended.stream, subject, sequence: appended.sequence };
  }

  private async snapshot(subject: string): Promise<Snapshot<S>> {
    const cached = this.cache.get(subject);
    if (cached) return { ...cached, fresh: false };
    return this.catchUp(subject, { state: this.slice.decider.initialState(), sequence: 0, fresh: false });
  }

  private async catchUp(subject: string, from: Snapshot<S>): Promise<Snapshot<S>> {
    const newer = await this.store.read<E>(this.slice.stream, subject, from.sequence);
    const state = fold(this.slice.decider, newer.events, from.state);
    this.cache.set(subject, state, newer.lastSequence);
    return { state, sequence: newer.lastSequence, fresh: true };
  }
}
