import type { Message } from '@libs/decider/decider';
import { sliceSource, type Board, type StateChange } from '@libs/event-model/board';
import type { EventStore } from '@libs/event-store/event-store';
import type { CommandCounters } from './command-counters';
import { CommandHandler, type DebugLog } from './command-handler';
import type { EntityRead } from './entity-read';

export interface SliceHandlerOptions {
  /** Decisions on fresh state before a command is refused as a concurrent modification (`COMMAND_ATTEMPTS`). */
  readonly maxAttempts: number;
  /** Where the handlers count what they do: the app's metrics. */
  readonly counters?: CommandCounters;
  /** Where a handler writes its debug lines, by its name: the app's logger. */
  readonly log?: (name: string) => DebugLog;
}

/** Answers of an entity read kept once settled, per read; past this many, the oldest are forgotten and read again if asked. */
const SETTLED_ANSWERS = 10_000;

/**
 * The handler factory: one `CommandHandler` per state change of the app's boards (a state-change slice,
 * or the command of an automation), made from the slice's own declaration (its decider, stream, events and
 * entity) and shared by everything that runs the slice (its controller, its automation, the demo data). Its
 * CloudEvents `source` and metrics name are `/<board>/<slice>`. `read` gives a slice the entity reads its
 * decisions need, by name.
 */
export class SliceHandlers {
  private readonly handlers = new Map<StateChange, CommandHandler<unknown, unknown, Message<string, unknown>>>();
  private readonly reads = new Map<EntityRead<unknown, unknown>, (query: unknown) => Promise<unknown>>();
  private readonly names = new Map<StateChange, string>();

  constructor(
    boards: readonly Board[],
    private readonly store: EventStore,
    private readonly options: SliceHandlerOptions,
  ) {
    for (const board of boards) {
      for (const slice of board.slices) {
        if (slice.kind !== 'state-view') this.names.set(slice, sliceSource(board, slice));
        if (slice.kind === 'process') this.names.set(slice.step.via, `/${board.name}/${slice.step.via.name}`);
      }
    }
  }

  /** The handler of a state change of the app's boards. */
  handler<C, S, E extends Message<string, unknown>>(slice: StateChange<C, S, E>): CommandHandler<C, S, E> {
    const known = this.handlers.get(slice);
    if (known) return known as unknown as CommandHandler<C, S, E>;
    const name = this.names.get(slice);
    if (name === undefined) throw new Error('this state change is on none of the app\'s boards: add its slice to its board\'s manifest');
    const { maxAttempts, counters, log } = this.options;
    const handler = new CommandHandler(this.store, name, slice, { maxAttempts, counters, log: log?.(name) });
    this.handlers.set(slice, handler);
    return handler;
  }

  /** The read of another entity a decision needs: its answer folded from that entity's events, kept once settled. */
  read<Q, A, E extends Message<string, unknown>>(read: EntityRead<Q, A, E>): (query: Q) => Promise<A> {
    const known = this.reads.get(read);
    if (known) return known as (query: Q) => Promise<A>;
    const settled = new Map<string, A>();
    const answer = async (query: Q): Promise<A> => {
      const subject = read.subjectOf(query);
      const kept = settled.get(subject);
      if (kept !== undefined) return kept;
      const { events } = await this.store.read<E>(read.stream, subject);
      const value = events.reduce((current, { event }) => read.evolve(current, event), read.initial());
      if (read.settled(value)) {
        if (settled.size >= SETTLED_ANSWERS) settled.delete(settled.keys().next().value as string);
        settled.set(subject, value);
      }
      return value;
    };
    this.reads.set(read, answer as (query: unknown) => Promise<unknown>);
    return answer;
  }
}
