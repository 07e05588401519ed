/** A message with a name and a payload: the shape of every command and every event. */
export type Message<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

/** A fact the business cares about, named in the past tense. */
export type DomainEvent<Type extends string, Data> = Message<Type, Data>;

/** An intention, named in the imperative. */
export type Command<Type extends string, Data> = Message<Type, Data>;

/**
 * The pure heart of a state-change slice: state is folded from past events with `evolve`,
 * and `decide` answers a command with new events, or nothing when the command is already satisfied.
 * A rule the command breaks is thrown as a `RuleViolation`.
 */
export interface Decider<C, S, E> {
  initialState(): S;
  evolve(state: S, event: E, metadata: EventMetadata): S;
  decide(command: C, state: S): readonly E[];
}

/** Metadata the event store keeps with every event. */
export interface EventMetadata {
  readonly id: string;
  readonly stream: string;
  readonly subject: string;
  readonly sequence: number;
  readonly time: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The W3C trace context of the work that stored the event, when it was traced: reactions continue its trace. */
  readonly traceparent?: string;
  readonly tracestate?: string;
}

export interface RecordedEvent<E> {
  readonly event: E;
  readonly metadata: EventMetadata;
}

/** Folds recorded events over a state, starting from the decider's initial state. */
export const fold = <C, S, E>(decider: Decider<C, S, E>, events: readonly RecordedEvent<E>[], from?: S): S =>
  events.reduce((state, { event, metadata }) => decider.evolve(state, event, metadata), from ?? decider.initialState());

/** Compile-time proof that a switch handled every case. */
export const assertNever = (value: never): never => {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
};
