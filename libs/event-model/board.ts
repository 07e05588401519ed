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
import type { Role } from './board-roles';
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

/** What a slice's declared settings came to at start, by the names the slice gave them. */
export type SettingValues = Readonly<Record<string, string | number>>;

/**
 * A bot: events of a stream call for a command, which its decider answers with events. It reads the stream its
 * command is decided on, or another (`source`): an operation handler reads an operation stream and writes an
 * event stream.
 */
export interface AutomationSlice<
  E extends Message<string, unknown> = Message<string, unknown>,
  C = unknown,
  S = unknown,
  /** The events it reads: its own stream's (`E`), or its `source`'s. */
  In extends Message<string, unknown> = E,
> extends SliceBase,
    StateChange<C, S, E> {
  readonly kind: 'automation';
  readonly actor: string;
  /** The stream it reads, when it is not the one its command is decided on. */
  readonly source?: EventStreamDefinition;
  /** The stream subjects the bot reads. */
  readonly subjects: string;
  /** Event types that call for the command; every other event calls for nothing. */
  readonly reactsTo: readonly string[];
  readonly command: Sticky;
  /** What the reactor reads from the environment (an address to write to), by the names `react` is given them under. */
  readonly settings?: Readonly<Record<string, Setting>>;
  /** The slice's pure reactor: an event (and the slice's settings) in, the commands it calls for out. */
  react(recorded: RecordedEvent<In>, settings: SettingValues): readonly C[];
}

/** A timer a slice's events set or clear: "at `at`, decide `command`"; another `set` of the same timer replaces it. */
export type TimerChange<C = unknown> =
  | { readonly kind: 'set'; readonly timer: string; readonly at: string; readonly command: C }
  | { readonly kind: 'clear'; readonly timer: string };

/**
 * A clock: events of a stream set timers (a deadline, a due date) or clear them, and when a timer is due its
 * command is decided on its entity. `timer` names the timer within the slice (an entity id): one timer per name
 * is pending at a time. A command that comes too late (the entity moved on) decides nothing.
 */
export interface TimerSlice<E extends Message<string, unknown> = Message<string, unknown>, C = unknown, S = unknown>
  extends SliceBase,
    StateChange<C, S, E> {
  readonly kind: 'timer';
  readonly actor: string;
  /** The stream subjects whose events set and clear its timers. */
  readonly subjects: string;
  /** Event types that set or clear a timer; every other event changes none. */
  readonly reactsTo: readonly string[];
  /** The command decided when a timer is due. */
  readonly command: Sticky;
  /** The slice's pure timing: the timers an event sets or clears. */
  timers(recorded: RecordedEvent<E>): readonly TimerChange<C>[];
}

/** A request to the outside world, with the key it carries there so that a repeat can be recognised (an email's Message-ID). */
export interface EffectRequest<R = unknown> {
  /** Stable across every attempt: an entity id or an operation id, a token of letters, digits, `_` and `-`. */
  readonly key: string;
  readonly payload: R;
}

/** How an effect ended, after its attempts: carried out, or given up on with the reason. */
export type EffectOutcome = { readonly succeeded: true; readonly attempts: number } | { readonly succeeded: false; readonly attempts: number; readonly reason: string };

/** A setting read from the environment at start, with its default; a wrong value stops the start, naming the variable. */
export type Setting = IntegerSetting | TextSetting;

export interface IntegerSetting {
  readonly kind: 'integer';
  readonly name: string;
  readonly description: string;
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
}

export interface TextSetting {
  readonly kind: 'text';
  readonly name: string;
  readonly description: string;
  readonly fallback: string;
  /** The default when the app runs its own nats-server (no `NATS_URL`): the out-of-the-box setup on one machine. */
  readonly embeddedFallback?: string;
}

/**
 * An effect on the outside world (a webhook call, an email, a message): events of a stream ask for a request,
 * which the named sender carries out, retrying transient failures with backoff on durable timers; the final
 * outcome is recorded on the entity by the slice's own command. Each request carries its key to the outside
 * world on every attempt; delivery is at least once. The events may be those of the entity itself (an elapsed
 * reminder asks for its callback) or operations queued on an operation stream (`source`), whose outcomes are
 * recorded on entities of an event stream (`target`).
 */
export interface EffectSlice<
  E extends Message<string, unknown> = Message<string, unknown>,
  R = unknown,
  C = unknown,
  S = unknown,
  /** The events it reads: its own stream's (`E`), or its `source`'s operations. */
  In extends Message<string, unknown> = E,
> extends SliceBase,
    StateChange<C, S, E> {
  readonly kind: 'effect';
  /** Who is reached: the receiver of a webhook, a mailbox. */
  readonly actor: string;
  /** The operation stream it reads, when it is not the one its outcomes are recorded on. */
  readonly source?: EventStreamDefinition;
  readonly subjects: string;
  readonly reactsTo: readonly string[];
  /** The command that records the outcome. */
  readonly command: Sticky;
  /** The sender that carries requests out (an adapter the app provides, by name: `http-callback`, …) and its settings. */
  readonly sender: { readonly name: string; readonly settings: Readonly<Record<string, Setting>> };
  /** Attempts in all, and the first backoff in milliseconds (doubling, with jitter), each from the environment. */
  readonly retry: { readonly attempts: IntegerSetting; readonly backoffMs: IntegerSetting };
  /**
   * The entity a request is about: its state (read fresh) makes the request and says whether it is still wanted,
   * and the outcome is recorded on it. The event's own entity when not given.
   */
  target?(recorded: RecordedEvent<In>): string;
  /** The slice's pure part: the request an event asks for, given its target entity as it stands (read fresh), or none. */
  request(recorded: RecordedEvent<In>, state: S): EffectRequest<R> | undefined;
  /** Whether the entity, as it stands now, still wants the request carried out (a cancelled reminder calls nobody). */
  wanted(state: S, request: EffectRequest<R>): boolean;
  /** The command that records how the request ended. */
  outcome(request: EffectRequest<R>, outcome: EffectOutcome): C;
}

/** What a process's step decided on another entity: that entity's state after it, or the rule the step broke there. */
export type StepResult<S = unknown> =
  | { readonly kind: 'decided'; readonly state: S }
  | { readonly kind: 'refused'; readonly rule: string; readonly detail: string };

/** How a process carries out one item of its next action: a command decided by another entity's state change. */
export interface ProcessStep<PS = unknown, I = unknown, O = unknown, C = unknown, S = unknown, E extends Message<string, unknown> = Message<string, unknown>> {
  /** The other entities' state change; its events are stored on their subjects, never on the process's. */
  readonly via: StateChange<C, S, E> & { readonly name: string };
  readonly command: Sticky;
  /** Items of one process carried out at once. */
  readonly concurrency: number;
  /** The command for an item, given the process's state. It must be idempotent: decided again, it stores nothing new. */
  order(process: PS, item: I): C;
  /** What the process records of an item's result. */
  outcome(item: I, result: StepResult<S>): O;
}

/**
 * A process manager: a to-do list kept on its own entity. Its events say what is left to do (`nextAction`,
 * pure, over the process's own state); woken by an event on its subjects, it reads its state (never acting on
 * the event alone), carries out each item through another entity's decider (`step`), then records the
 * outcomes on its own entity with its own command (`record`). One reaction runs per process entity at a time;
 * a reaction run again (redelivered, on another instance, after a crash between acting and recording)
 * changes nothing the second time, because every step and the record are idempotent decisions.
 */
export interface ProcessSlice<E extends Message<string, unknown> = Message<string, unknown>, S = unknown, C = unknown, I = unknown, O = unknown>
  extends SliceBase,
    StateChange<C, S, E> {
  readonly kind: 'process';
  readonly actor: string;
  /** The subjects of the process's own entities. */
  readonly subjects: string;
  /** Event types that may give it work; every other event leaves it asleep. */
  readonly reactsTo: readonly string[];
  /** The command that records outcomes on the process's entity. */
  readonly command: Sticky;
  /** What is left to do as its own state says: the items of its next action, none when there is nothing to do. */
  nextAction(state: S): readonly I[];
  readonly step: ProcessStep<S, I, O>;
  /** The command recording the outcomes of an action's items. */
  record(state: S, outcomes: readonly O[]): C;
}

export type Slice = StateChangeSlice | StateViewSlice | AutomationSlice | TimerSlice | EffectSlice | ProcessSlice;

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
  /** What the board reads from the environment besides its effects' settings. */
  readonly settings?: readonly Setting[];
  /** Who runs which of its slices, each role as its own NATS user; without roles, the app runs them all (`board-roles.ts`). */
  readonly roles?: readonly Role[];
}

export const isStateChange = (slice: Slice): slice is StateChangeSlice => slice.kind === 'state-change';
export const isStateView = (slice: Slice): slice is StateViewSlice => slice.kind === 'state-view';
export const isAutomation = (slice: Slice): slice is AutomationSlice => slice.kind === 'automation';
export const isTimer = (slice: Slice): slice is TimerSlice => slice.kind === 'timer';
export const isEffect = (slice: Slice): slice is EffectSlice => slice.kind === 'effect';
export const isProcess = (slice: Slice): slice is ProcessSlice => slice.kind === 'process';

/** The events a slice stores: a state change's, an automation's; a process's own and its steps'; a view stores none. */
export const eventsStoredBy = (slice: Slice): readonly string[] =>
  slice.kind === 'state-view' ? [] : slice.kind === 'process' ? [...slice.events, ...slice.step.via.events] : slice.events;

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

/** Every timer slice of `boards`. */
export const timersOf = (boards: readonly Board[]): TimerSlice[] => boards.flatMap(({ slices }) => slices.filter(isTimer));

/** Every process of `boards`. */
export const processesOf = (boards: readonly Board[]): ProcessSlice[] => boards.flatMap(({ slices }) => slices.filter(isProcess));

/** A process step, typed against the state change it goes through. */
export const processStep = <PS, I, O, C, S, E extends Message<string, unknown>>(step: ProcessStep<PS, I, O, C, S, E>): ProcessStep<PS, I, O> =>
  step;

/** The stream a bot, a clock, an effect or a process reads: its own, or the one it names as its `source`. */
export const sourceOf = (slice: Exclude<Slice, StateViewSlice>): EventStreamDefinition =>
  ('source' in slice ? slice.source : undefined) ?? slice.stream;

/** Every effect slice of `boards`. */
export const effectsOf = (boards: readonly Board[]): EffectSlice[] => boards.flatMap(({ slices }) => slices.filter(isEffect));

/** Every setting `boards` read from the environment, once each, by name. */
export const settingsOf = (boards: readonly Board[]): Setting[] => {
  const all = boards.flatMap((board) => [
    ...(board.settings ?? []),
    ...board.slices.filter(isAutomation).flatMap(({ settings }) => Object.values(settings ?? {})),
    ...board.slices.filter(isEffect).flatMap(({ retry, sender }) => [retry.attempts, retry.backoffMs, ...Object.values(sender.settings)]),
  ]);
  return [...new Map(all.map((setting) => [setting.name, setting])).values()];
};

/** A slice's settings at their defaults, as it runs when nothing is set (in flows and checks). */
export const settingDefaults = (declared: Readonly<Record<string, Setting>> | undefined): SettingValues =>
  Object.fromEntries(Object.entries(declared ?? {}).map(([key, setting]) => [key, setting.fallback]));

/** Sets a timer of a timer slice: at `at` (ISO 8601), `command` is decided. */
export const setTimer = <C>(timer: string, at: string, command: C): TimerChange<C> => ({ kind: 'set', timer, at, command });

/** Clears a timer: it will not fire (a no-op when it already fired or was never set). */
export const clearTimer = (timer: string): TimerChange<never> => ({ kind: 'clear', timer });

/** Every event stream of `boards`. */
export const streamsOf = (boards: readonly Board[]): EventStreamDefinition[] => boards.flatMap(({ streams }) => streams);
