import { isCalendarDate, isEntityId } from '@libs/ids/entity-id';
import type { StreamLane } from '@libs/event-model/board';

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
  /**
   * The fields each event type's data must have. Ids and dates in events become view keys and
   * command subjects, so an event whose data does not fit is treated as poison, not applied.
   */
  readonly eventData?: Readonly<Record<string, Readonly<Record<string, DataField>>>>;
}

/** `entity-id`: a subject-safe id string; `date`: a calendar date YYYY-MM-DD; `text`: any string. */
export type DataField = 'entity-id' | 'date' | 'text';

const fits: Record<DataField, (value: unknown) => boolean> = {
  'entity-id': isEntityId,
  date: isCalendarDate,
  text: (value) => typeof value === 'string',
};

/** What is wrong with an event's data for its stream, or undefined when it fits. */
export const dataProblem = (stream: EventStreamDefinition, type: string, data: unknown): string | undefined => {
  const fields = stream.eventData?.[type];
  if (fields === undefined) return undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `the data of ${type} is not an object`;
  const record = data as Record<string, unknown>;
  const wrong = Object.entries(fields).filter(([field, kind]) => !fits[kind](record[field]));
  return wrong.length === 0 ? undefined : `the data of ${type} has no valid ${wrong.map(([field, kind]) => `${field} (${kind})`).join(', ')}`;
};

/** The stream as the Event Model board draws it: a swimlane of its events and their fields. */
export const streamLane = (stream: EventStreamDefinition): StreamLane => ({
  name: stream.name,
  subjects: stream.subjects,
  eventTypes: stream.eventTypes,
  eventFields: Object.fromEntries(stream.eventTypes.map((type) => [type, Object.keys(stream.eventData?.[type] ?? {})])),
});
