import type { Message } from '@libs/decider/decider';
import { ENTITY_ID_PATTERN, isCalendarDate, isEntityId, isInstant, INSTANT } from '@libs/ids/entity-id';

/**
 * `entity-id`: a subject-safe id string; `date`: a calendar date YYYY-MM-DD; `text`: any string; `count`: a whole
 * number from 0; `integer`: a whole number, negative too (a balance); `instant`: a point in time, ISO 8601 in UTC
 * (`2026-12-02T08:00:00.000Z`); `entity-ids`: a list of entity ids; `list`: a list of records whose fields are
 * named in `items`.
 */
export type DataField = 'entity-id' | 'date' | 'text' | 'count' | 'integer' | 'instant' | 'entity-ids' | 'list';

/** The kinds a record in a `list` field may hold. */
export type ItemField = Exclude<DataField, 'list' | 'entity-ids'>;

/** One field of an event's data: what kind of value it holds, and what it means. */
export interface FieldContract {
  readonly kind: DataField;
  readonly description: string;
  /** For a `list`: the fields of each record in it. */
  readonly items?: Readonly<Record<string, ItemField>>;
}

/**
 * Reads the data of one older version of an event as the next version's. Stored events are never
 * rewritten: a reader passes old data through the upcasters from its version up to the current one.
 */
export interface Upcaster {
  /** The version this upcaster reads; it returns data of version `from + 1`. */
  readonly from: number;
  readonly upcast: (data: unknown) => unknown;
}

/**
 * An event's contract: its name, its current version (CloudEvents `type` `<prefix>.<Name>.v<version>`),
 * its business meaning, the fields of its data and an example. The data's JSON Schema, the runtime check of
 * stored data and the board's event fields are all derived from it, so they cannot drift apart.
 */
export interface EventContract {
  readonly type: string;
  readonly version: number;
  readonly description: string;
  readonly fields: Readonly<Record<string, FieldContract>>;
  readonly example: Readonly<Record<string, unknown>>;
  /** One per older version, v1 → v2, v2 → v3, …: how data stored by an earlier release is read today. */
  readonly upcasters?: readonly Upcaster[];
}

/** Declares the contract of an event type, checked against its TypeScript type: every field described, the example fitting. */
export const eventContract = <E extends Message<string, object>>(contract: {
  readonly type: E['type'];
  readonly version: number;
  readonly description: string;
  readonly fields: { readonly [K in keyof E['data']]-?: FieldContract };
  readonly example: E['data'];
  readonly upcasters?: readonly Upcaster[];
}): EventContract => contract as EventContract;

const fitsItem: Record<ItemField, (value: unknown) => boolean> = {
  'entity-id': isEntityId,
  date: isCalendarDate,
  text: (value) => typeof value === 'string',
  count: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
  integer: (value) => Number.isSafeInteger(value),
  instant: isInstant,
};

const isRecordOf = (value: unknown, items: Readonly<Record<string, ItemField>>): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.entries(items).every(([field, kind]) => fitsItem[kind]((value as Record<string, unknown>)[field]));

const fits = (value: unknown, { kind, items }: FieldContract): boolean => {
  if (kind === 'entity-ids') return Array.isArray(value) && value.every(isEntityId);
  if (kind === 'list') return Array.isArray(value) && value.every((item) => isRecordOf(item, items ?? {}));
  return fitsItem[kind](value);
};

/** What is wrong with an event's data for its contract, or undefined when it fits. Fields the contract does not name are left alone. */
export const contractProblem = (contract: EventContract, data: unknown): string | undefined => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `the data of ${contract.type} is not an object`;
  const record = data as Record<string, unknown>;
  const wrong = Object.entries(contract.fields).filter(([field, described]) => !fits(record[field], described));
  return wrong.length === 0 ? undefined : `the data of ${contract.type} has no valid ${wrong.map(([field, { kind }]) => `${field} (${kind})`).join(', ')}`;
};

/** A JSON Schema (draft-07, which AsyncAPI 3 schemas extend), as plain JSON. */
export type JsonSchema = { readonly [keyword: string]: unknown };

const ITEM_SCHEMAS: Record<ItemField, JsonSchema> = {
  'entity-id': { type: 'string', pattern: ENTITY_ID_PATTERN.source },
  date: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  text: { type: 'string' },
  count: { type: 'integer', minimum: 0 },
  integer: { type: 'integer' },
  instant: { type: 'string', format: 'date-time', pattern: INSTANT.source },
};

const fieldSchema = ({ kind, items }: FieldContract): JsonSchema => {
  if (kind === 'entity-ids') return { type: 'array', items: ITEM_SCHEMAS['entity-id'] };
  if (kind === 'list') {
    const fields = items ?? {};
    return {
      type: 'array',
      items: { type: 'object', properties: Object.fromEntries(Object.entries(fields).map(([field, item]) => [field, ITEM_SCHEMAS[item]])), required: Object.keys(fields), additionalProperties: false },
    };
  }
  return ITEM_SCHEMAS[kind];
};

/**
 * The JSON Schema of an event's data at its current version. Stricter than the runtime check in two
 * ways a schema can be: it lists every field the app writes and allows no other, and a `date` is only
 * checked for its form (the runtime also refuses 2023-02-30 and years outside 2000–2100).
 */
export const dataSchema = (contract: EventContract): JsonSchema => ({
  title: `${contract.type} v${contract.version}`,
  description: contract.description,
  type: 'object',
  properties: Object.fromEntries(
    Object.entries(contract.fields).map(([field, described]) => [field, { ...fieldSchema(described), description: described.description }]),
  ),
  required: Object.keys(contract.fields),
  additionalProperties: false,
  examples: [contract.example],
});

/**
 * Data stored at `version` read as the contract's current version, through its upcasters in order;
 * a problem when the version is from the future or an upcaster is missing.
 */
export const upcastData = (contract: EventContract, version: number, data: unknown): { data: unknown } | { problem: string } => {
  if (!Number.isSafeInteger(version) || version < 1) return { problem: `${contract.type} has no version ${version}` };
  if (version > contract.version) return { problem: `${contract.type} v${version} is newer than this release reads (v${contract.version})` };
  let current = data;
  for (let from = version; from < contract.version; from++) {
    const upcaster = contract.upcasters?.find((candidate) => candidate.from === from);
    if (upcaster === undefined) return { problem: `${contract.type} has no upcaster from v${from}` };
    current = upcaster.upcast(current);
  }
  return { data: current };
};
