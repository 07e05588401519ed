import { eventsStoredBy, type Board } from '@libs/event-model/board';
import { dataSchema, type JsonSchema } from '@libs/event-model/event-contract';
import { cloudEventType, fillSubject, type EventStreamDefinition } from '@libs/event-model/event-stream';
import { CLOUDEVENT_BATCH_CONTENT_TYPE, CLOUDEVENT_CONTENT_TYPE, encodeEvents } from '@adapter/event-store/cloudevent.codec';

const ref = (path: string): JsonSchema => ({ $ref: path });
const EXAMPLE_TIME = '2022-12-01T09:00:00.000Z';
const EXAMPLE_ID = '4f0c2a8e-6d1b-4c55-9b7e-0a1b2c3d4e5f';

/** The NATS headers the event store writes with every event: what JetStream checks and dedupes on. */
const STORE_HEADERS: JsonSchema = {
  type: 'object',
  required: ['Content-Type', 'Nats-Expected-Last-Subject-Sequence', 'Nats-Msg-Id'],
  properties: {
    'Content-Type': { type: 'string', enum: [CLOUDEVENT_CONTENT_TYPE, CLOUDEVENT_BATCH_CONTENT_TYPE] },
    'Nats-Expected-Last-Subject-Sequence': { type: 'string', description: 'The entity\'s last sequence the decision was made on (0: a new entity)' },
    'Nats-Msg-Id': { type: 'string', description: '`<subject>@<expected sequence>`: a retried publish is answered as a duplicate' },
  },
};

/** The CloudEvent of one event type, structured JSON mode, exactly as the codec writes it. */
const envelopeSchema = (stream: EventStreamDefinition, type: string): JsonSchema => ({
  title: `${type} (CloudEvent)`,
  type: 'object',
  required: ['id', 'time', 'type', 'source', 'specversion', 'datacontenttype', 'subject', 'data', 'correlationid', 'causationid'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'The event\'s id, unique' },
    time: { type: 'string', format: 'date-time', description: 'When the decision was stored' },
    type: { type: 'string', const: cloudEventType(stream, type), description: '`<prefix>.<EventName>.v<version>`; readers upcast older versions' },
    source: { type: 'string', description: 'The slice that stored it: `/<board>/<slice>`' },
    specversion: { type: 'string', const: '1.0' },
    datacontenttype: { type: 'string', const: 'application/json' },
    subject: { type: 'string', description: 'The entity\'s subject, as the message\'s' },
    data: ref(`#/components/schemas/${type}Data`),
    correlationid: { type: 'string', description: 'Extension: the correlation id of the request this event follows from' },
    causationid: { type: 'string', description: 'Extension: the id of its cause, the request or the event an automation reacted to' },
    traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description: 'Distributed tracing extension: the W3C trace context of the span that stored it, also sent as the `traceparent` header',
    },
    tracestate: { type: 'string', description: 'Distributed tracing extension: the W3C trace state, when the trace has one' },
  },
  additionalProperties: false,
});

const exampleOf = (board: Board, stream: EventStreamDefinition, type: string): Record<string, unknown> => {
  const contract = stream.contracts?.[type];
  const data = contract?.example ?? {};
  const entity = stream.entities.find(({ eventTypes }) => eventTypes.includes(type));
  const tokens = Object.fromEntries(Object.entries(data).map(([name, value]) => [name, String(value)]));
  const slice = board.slices.find((candidate) => eventsStoredBy(candidate).includes(type));
  const subject = entity === undefined ? stream.subjects[0] ?? '' : fillSubject(entity, tokens);
  const context = { source: `/${board.name}/${slice?.name ?? 'unknown'}`, subject, correlationId: 'guest-journey-1', causationId: 'guest-journey-1', time: EXAMPLE_TIME };
  return JSON.parse(encodeEvents(stream, [{ type, data }], [EXAMPLE_ID], context).body) as Record<string, unknown>;
};

/** The name of a stream's batch message: several events of one decision, stored together. */
export const batchMessageName = (stream: EventStreamDefinition): string => `${stream.name}_batch`;

/** Messages (one per event type, one batch) and schemas (data and envelope of each type) of a stream's events. */
export const eventComponents = (board: Board, stream: EventStreamDefinition): { messages: Record<string, unknown>; schemas: Record<string, JsonSchema> } => {
  const schemas: Record<string, JsonSchema> = {};
  const messages: Record<string, unknown> = {};
  for (const type of stream.eventTypes) {
    const contract = stream.contracts?.[type];
    schemas[`${type}Data`] = contract === undefined ? { type: 'object' } : dataSchema(contract);
    schemas[`${type}Event`] = envelopeSchema(stream, type);
    messages[type] = {
      name: type,
      title: type,
      summary: contract?.description ?? type,
      description: upcastNote(stream, type),
      contentType: CLOUDEVENT_CONTENT_TYPE,
      headers: STORE_HEADERS,
      payload: ref(`#/components/schemas/${type}Event`),
      examples: [{ name: type, payload: exampleOf(board, stream, type) }],
    };
  }
  messages[batchMessageName(stream)] = {
    name: batchMessageName(stream),
    title: `${stream.name} batch`,
    summary: 'The events of one decision, stored all or none under one sequence (CloudEvents JSON batch format)',
    contentType: CLOUDEVENT_BATCH_CONTENT_TYPE,
    headers: STORE_HEADERS,
    payload: { type: 'array', minItems: 2, items: { oneOf: stream.eventTypes.map((type) => ref(`#/components/schemas/${type}Event`)) } },
  };
  return { messages, schemas };
};

const upcastNote = (stream: EventStreamDefinition, type: string): string => {
  const version = stream.contracts?.[type]?.version ?? 1;
  const written = `Written as \`${cloudEventType(stream, type)}\`.`;
  return version === 1 ? written : `${written} Versions v1 to v${version - 1}, stored by earlier releases, are upcast to v${version} when read.`;
};
