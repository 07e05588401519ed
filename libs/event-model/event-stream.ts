import { contractProblem, upcastData, type EventContract } from './event-contract';

export type { DataField } from './event-contract';

/**
 * A kind of entity of a stream: its events are stored on one subject per entity, built from a template
 * whose `{name}` tokens are the entity's ids (`hotel.room-day.{roomId}.{date}`).
 */
export interface StreamEntity {
  readonly name: string;
  readonly description: string;
  readonly subject: string;
  /** What each `{name}` token of the template stands for. */
  readonly params: Readonly<Record<string, string>>;
  /** The event types stored on this entity's subjects. */
  readonly eventTypes: readonly string[];
}

/** A subject from an entity's template, each `{name}` replaced by its (already checked) token or a wildcard. */
export const fillSubject = (entity: StreamEntity, tokens: Readonly<Record<string, string>>): string => {
  const parts = templateParts(entity.subject);
  let subject = parts[0] ?? '';
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index] ?? '';
    const token = tokens[name];
    if (token === undefined) throw new Error(`${entity.subject} needs a ${name}`);
    subject += token + (parts[index + 1] ?? '');
  }
  return subject;
};

/** A template split at its tokens, `[text, name, text, name, text…]`, once per template: subjects are built on every command. */
const templateParts = (template: string): readonly string[] => {
  let parts = TEMPLATES.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    TEMPLATES.set(template, parts);
  }
  return parts;
};

const TEMPLATES = new Map<string, readonly string[]>();

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
  /** The kinds of entities whose events the stream holds, each on subjects of its own. */
  readonly entities: readonly StreamEntity[];
  /**
   * Each event type's contract: its current version, the fields its data must have, and the upcasters
   * that read its older versions (the stream's upcaster registry). Ids and dates in events become view
   * keys and command subjects, so an event whose data does not fit is treated as poison, not applied.
   * A type without a contract is at version 1 and its data is not checked.
   */
  readonly contracts?: Readonly<Record<string, EventContract>>;
}

/** The version the app writes an event type at. */
export const eventVersion = (stream: EventStreamDefinition, type: string): number => stream.contracts?.[type]?.version ?? 1;

/** The CloudEvents `type` of an event as the app writes it: `<typePrefix>.<EventName>.v<version>`. */
export const cloudEventType = (stream: EventStreamDefinition, type: string): string =>
  `${stream.typePrefix}.${type}.v${eventVersion(stream, type)}`;

/** The event name and version a CloudEvents `type` stands for, when it names an event of the stream. */
export const parseCloudEventType = (stream: EventStreamDefinition, cloudType: string): { type: string; version: number } | undefined => {
  const prefix = `${stream.typePrefix}.`;
  const match = cloudType.startsWith(prefix) ? /^(.+)\.v([1-9]\d{0,8})$/.exec(cloudType.slice(prefix.length)) : null;
  if (match === null || !stream.eventTypes.includes(match[1]!)) return undefined;
  return { type: match[1]!, version: Number(match[2]) };
};

/**
 * An event's data as the current version of its type, whatever version it was stored at: upcast
 * through the type's upcasters, then checked against its contract. A problem when it cannot be read.
 */
export const readEventData = (stream: EventStreamDefinition, type: string, version: number, data: unknown): { data: unknown } | { problem: string } => {
  const contract = stream.contracts?.[type];
  if (contract === undefined) return version === 1 ? { data } : { problem: `${type} has no version ${version}` };
  const upcast = upcastData(contract, version, data);
  if ('problem' in upcast) return upcast;
  const problem = contractProblem(contract, upcast.data);
  return problem === undefined ? upcast : { problem };
};

/** An event stream as the board shows it: a swimlane of events, with the fields of each. */
export interface StreamLane {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly eventTypes: readonly string[];
  readonly eventFields: Readonly<Record<string, readonly string[]>>;
}

/** The stream as the Event Model board draws it: a swimlane of its events and their fields. */
export const streamLane = (stream: EventStreamDefinition): StreamLane => ({
  name: stream.name,
  subjects: stream.subjects,
  eventTypes: stream.eventTypes,
  eventFields: Object.fromEntries(stream.eventTypes.map((type) => [type, Object.keys(stream.contracts?.[type]?.fields ?? {})])),
});
