/**
 * The Event Model board as the code declares it: every slice says what it is, what starts it,
 * what it decides or shows, and the rules its given/when/then specs prove. The board page, the
 * AsyncAPI document and the agreement test all read these declarations; none is drawn by hand.
 */

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
  /** The slice's folder under `feature/<board>/`. */
  readonly name: string;
  /** The board column's heading. */
  readonly title: string;
  /** The titles of the slice's given/when/then specs, in their order. */
  readonly rules: readonly string[];
}

/** A command that changes state: an actor triggers it, its decider stores events. */
export interface StateChangeSlice extends SliceBase {
  readonly kind: 'state-change';
  readonly actor: string;
  readonly triggers: readonly Trigger[];
  readonly command: Sticky;
  readonly stream: string;
  /** Every event type the decider may store; it may store nothing else. */
  readonly events: readonly string[];
}

/** A read model: events of a stream folded into documents of a KV bucket, answered to queries. */
export interface StateViewSlice extends SliceBase {
  readonly kind: 'state-view';
  readonly view: Sticky;
  readonly stream: string;
  /** The stream subjects the view reads. */
  readonly subjects: string;
  /** Every event type that changes the view; every other event leaves it as it is. */
  readonly events: readonly string[];
  readonly queries: readonly Trigger[];
  /** The actors whose screens show the view. */
  readonly shownTo: readonly string[];
}

/** A bot: events of a stream call for a command, which its decider answers with events. */
export interface AutomationSlice extends SliceBase {
  readonly kind: 'automation';
  readonly actor: string;
  /** The stream subjects the bot reads. */
  readonly subjects: string;
  /** Event types that call for the command; every other event calls for nothing. */
  readonly reactsTo: readonly string[];
  readonly command: Sticky;
  readonly stream: string;
  readonly events: readonly string[];
}

export type Slice = StateChangeSlice | StateViewSlice | AutomationSlice;

/** An event stream as the board shows it: a swimlane of events, with the fields of each. */
export interface StreamLane {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly eventTypes: readonly string[];
  readonly eventFields: Readonly<Record<string, readonly string[]>>;
}

export interface Board {
  /** The model's folder under `feature/`. */
  readonly name: string;
  readonly title: string;
  readonly actors: readonly Actor[];
  readonly streams: readonly StreamLane[];
  /** In the board's order, left to right. */
  readonly slices: readonly Slice[];
}

export const isStateChange = (slice: Slice): slice is StateChangeSlice => slice.kind === 'state-change';
export const isStateView = (slice: Slice): slice is StateViewSlice => slice.kind === 'state-view';
export const isAutomation = (slice: Slice): slice is AutomationSlice => slice.kind === 'automation';

/** The events a slice stores: a state change's or an automation's; a view stores none. */
export const eventsStoredBy = (slice: Slice): readonly string[] => (slice.kind === 'state-view' ? [] : slice.events);

/** A trigger as people write it: `PUT /mutation/book-room`, `NATS cmd.hotel.book-room`. */
export const describeTrigger = (trigger: Trigger): string => (trigger.kind === 'http' ? `${trigger.method} ${trigger.path}` : `NATS ${trigger.subject}`);
