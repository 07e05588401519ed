/**
 * The Event Model board as the code declares it: every slice says what it is, what starts it, what it
 * decides or shows, the rules its given/when/then specs prove, and the pure code that does it (its
 * decider, projection or reactor). A board's manifest (`feature/<board>/<board>.board.ts`) lists its
 * slices, streams, command subjects, controllers and demo data; the app runs the boards it is given, and
 * everything that must know every stream, view or automation (topology, permissions, contracts, the
 * board page, readiness, the CLI) is derived from that list.
 */
import type { Decider, Message, RecordedEvent } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import type { EventStreamDefinition } from './event-stream';

/** Someone or something that starts slices: a person at a screen, or the system itself (a bot). */
export interface Actor {
  readonly name: string;
  readonly kind: 'person' | 'system';
}

/** How a slice is reached from outside: an HTTP route, or a NATS request/reply subject. */
export type Trigger =
  | { readonly kind: 'http'; readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE'; readonly path: string }
  | { readonly kind: 'nats'; readonly subject: string };

/** A post-it with a name and the fields it carries. */
export interface Sticky {
  readonly name: string;
  readonly fields: readonly string[];
}

interface SliceBase {
  /** The slice's folder under `feature/<board>/`; unique across the app's boards (it names routes and consumers). */
  readonly name: string;
  /** The board column's heading. */
  readonly title: string;
  /** The titles of the slice's given/when/then specs, in their order. */
  readonly rules: readonly string[];
}

/** A decider and the entity each of its commands is decided on: what a command handler needs to run it on a store. */
export interface StateChange<C = unknown, S = unknown, E extends Message<string, unknown> = Message<string, unknown>> {
  readonly decider: Decider<C, S, E>;
  /** The stream its entities live in. */
  readonly stream: EventStreamDefinition;
  /** Every event type the decider may store; it may store nothing else. */
  readonly events: readonly string[];
  /** The subject of the entity a command is decided on, built by the stream's subject builders (ids checked there). */
  entity(command: C): string;
}

/** A command that changes state: an actor triggers it, its decider stores events. */
export interface StateChangeSlice<C = unknown, S = unknown, E extends Message<string, unknown> = Message<string, unknown>> extends SliceBase, StateChange<C, S, E> {
  readonly kind: 'state-change';
  readonly actor: string;
  readonly triggers: readonly Trigger[];
  readonly command: Sticky;
}

/** A read model: events of a stream folded into documents of a KV bucket, answered to queries. */
export interface StateViewSlice<E extends Message<string, unknown> = Message<string, unknown>, D = unknown> extends SliceBase {
  readonly kind: 'state-view';
  readonly view: Sticky;
  readonly stream: EventStreamDefinition;
  /** The stream subjects the view reads. */
  readonly subjects: string;
  /** Every event type that changes the view; every other event leaves it as it is. */
  readonly events: readonly string[];
  readonly queries: readonly Trigger[];
  /** The actors whose screens show the view. */
  readonly shownTo: readonly string[];
  /** The slice's pure projection, named as its view. */
  readonly projection: Projection<E, D>;
}

/** A bot: events of a stream call for a command, which its decider answers with events. */
export interface AutomationSlice<E extends Message<string, unknown> = Message<string, unknown>, C = unknown, S = unknown>
  extends SliceBase,
    StateChange<C, S, E> {
  readonly kind: 'automation';
  readonly actor: string;
  /** The stream subjects the bot reads. */
  readonly subjects: string;
  /** Event types that call for the command; every other event calls for nothing. */
  readonly reactsTo: readonly string[];
  readonly command: Sticky;
  /** The slice's pure reactor: an event in, the commands it calls for out. */
  react(recorded: RecordedEvent<E>): readonly C[];
}

export type Slice = StateChangeSlice | StateViewSlice | AutomationSlice;

/** A class the app instantiates: a board's controllers (its slices' HTTP routes and NATS subjects, its pages). */
export type ControllerClass = abstract new (...args: never[]) => unknown;

/** A command the app decides at start, when it seeds demo data: idempotent, so every start may run it. */
export interface DemoCommand {
  readonly slice: StateChangeSlice;
  readonly command: unknown;
}

export interface Board {
  /** The board's folder under `feature/` and `model/`, and its token in command subjects. */
  readonly name: string;
  readonly title: string;
  readonly actors: readonly Actor[];
  /** The event streams its slices keep their entities in. */
  readonly streams: readonly EventStreamDefinition[];
  /** The NATS subject filter of its commands' request/reply subjects (`cmd.<board>.>`). */
  readonly commandSubjects: string;
  /** In the board's order, left to right. */
  readonly slices: readonly Slice[];
  /** What serves its slices and pages: controllers with HTTP routes and NATS message patterns. */
  readonly controllers: readonly ControllerClass[];
  /** Commands decided at start when demo data is on (`SEED_DEMO`). */
  readonly demo?: readonly DemoCommand[];
}

export const isStateChange = (slice: Slice): slice is StateChangeSlice => slice.kind === 'state-change';
export const isStateView = (slice: Slice): slice is StateViewSlice => slice.kind === 'state-view';
export const isAutomation = (slice: Slice): slice is AutomationSlice => slice.kind === 'automation';

/** The events a slice stores: a state change's or an automation's; a view stores none. */
export const eventsStoredBy = (slice: Slice): readonly string[] => (slice.kind === 'state-view' ? [] : slice.events);

/** A trigger as people write it: `PUT /mutation/book-room`, `NATS cmd.hotel.book-room`. */
export const describeTrigger = (trigger: Trigger): string => (trigger.kind === 'http' ? `${trigger.method} ${trigger.path}` : `NATS ${trigger.subject}`);

/** A demo command, typed against its slice. */
export const demoCommand = <C, S, E extends Message<string, unknown>>(slice: StateChangeSlice<C, S, E>, command: C): DemoCommand => ({ slice, command });

/** Who decided what a slice stores, as its CloudEvents `source` says and its metrics name it: `/<board>/<slice>`. */
export const sliceSource = (board: Board, slice: Slice): string => `/${board.name}/${slice.name}`;

/** Every state view of `boards`. */
export const viewsOf = (boards: readonly Board[]): StateViewSlice[] => boards.flatMap(({ slices }) => slices.filter(isStateView));

/** Every automation of `boards`. */
export const automationsOf = (boards: readonly Board[]): AutomationSlice[] => boards.flatMap(({ slices }) => slices.filter(isAutomation));

/** Every event stream of `boards`. */
export const streamsOf = (boards: readonly Board[]): EventStreamDefinition[] => boards.flatMap(({ streams }) => streams);
