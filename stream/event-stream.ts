/** An event stream: where a family of entities keeps its events, and how its CloudEvents are typed. */
export interface EventStreamDefinition {
  /** JetStream stream name. */
  readonly name: string;
  /** Subjects the stream captures. */
  readonly subjects: readonly string[];
  /** CloudEvents `type` is `<typePrefix>.<EventName>.v<version>`. */
  readonly typePrefix: string;
  /** Event names the stream may hold; anything else read from it is treated as poison. */
  readonly eventTypes: readonly string[];
}
