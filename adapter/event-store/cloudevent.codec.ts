import { CloudEvent } from 'cloudevents';
import type { EventMetadata, Message, RecordedEvent } from '@libs/decider/decider';
import { isExistingDay } from '@libs/ids/entity-id';
import { cloudEventType, parseCloudEventType, readEventData, type EventStreamDefinition } from '@libs/event-model/event-stream';

/** One event: CloudEvents structured content mode, as the CloudEvents NATS binding specifies. */
export const CLOUDEVENT_CONTENT_TYPE = 'application/cloudevents+json';
/**
 * Several events of one decision: the CloudEvents JSON batch format, in one message, so that
 * JetStream stores them all or none under one sequence (2.9 has no atomic multi-message publish).
 */
export const CLOUDEVENT_BATCH_CONTENT_TYPE = 'application/cloudevents-batch+json';

export interface EnvelopeContext {
  readonly source: string;
  readonly subject: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly time?: string;
  /** The W3C trace context of the work storing the events (CloudEvents distributed-tracing extension). */
  readonly traceparent?: string;
  readonly tracestate?: string;
}

export interface EncodedEvents {
  readonly contentType: string;
  readonly body: string;
}

/** Thrown when a stored message is not a CloudEvent of the stream, so it must be dead-lettered. */
export class UndecodableEvent extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UndecodableEvent';
  }
}

/**
 * A decision's events as one message body. Each event is written as the CloudEvents SDK writes it,
 * attribute for attribute, but built directly: every attribute is ours and valid by construction
 * (ids are UUIDs, the correlation id a checked token), so the SDK's schema check would only cost time
 * on the command path. Reading checks every stored message: see `asCloudEvent`.
 */
export const encodeEvents = (
  stream: EventStreamDefinition,
  events: readonly Message<string, unknown>[],
  ids: readonly string[],
  context: EnvelopeContext,
): EncodedEvents => {
  const time = context.time ?? new Date().toISOString();
  const cloudEvents = events.map((event, index) => {
    const id = ids[index];
    if (id === undefined) throw new Error(`event ${index} of ${context.subject} has no id`);
    return {
      id,
      time,
      type: cloudEventType(stream, event.type),
      source: context.source,
      specversion: '1.0',
      datacontenttype: 'application/json',
      subject: context.subject,
      data: event.data,
      correlationid: context.correlationId,
      causationid: context.causationId,
      traceparent: context.traceparent,
      tracestate: context.tracestate,
    };
  });
  return cloudEvents.length === 1
    ? { contentType: CLOUDEVENT_CONTENT_TYPE, body: JSON.stringify(cloudEvents[0]) }
    : { contentType: CLOUDEVENT_BATCH_CONTENT_TYPE, body: JSON.stringify(cloudEvents) };
};

export interface StoredMessage {
  readonly subject: string;
  readonly sequence: number;
  readonly body: string;
}

/**
 * Decodes one stored message (a single CloudEvent or a batch) into the stream's events, in order, each
 * read as the current version of its type: data stored at an older version goes through the stream's upcasters.
 */
export const decodeEvents = <E extends Message<string, unknown>>(
  stream: EventStreamDefinition,
  message: StoredMessage,
): RecordedEvent<E>[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.body);
  } catch (cause) {
    throw new UndecodableEvent(`${stream.name} #${message.sequence} is not JSON`, { cause });
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  if (entries.length === 0) throw new UndecodableEvent(`${stream.name} #${message.sequence} is an empty batch`);
  return entries.map((entry) => toRecorded<E>(stream, message, entry));
};

/**
 * Attributes every stored event carries. The CloudEvents SDK would invent a missing `id` or `time`
 * (a fresh UUID, the current time), and then a replay would not decode the message as the live
 * consumer did: without them, a message is not an event of the stream.
 */
const REQUIRED_ATTRIBUTES = ['id', 'time'] as const;

const toRecorded = <E>(stream: EventStreamDefinition, message: StoredMessage, entry: unknown): RecordedEvent<E> => {
  const missing = REQUIRED_ATTRIBUTES.filter((name) => {
    const value = (entry as Record<string, unknown> | null)?.[name];
    return typeof value !== 'string' || value === '';
  });
  if (missing.length > 0) throw new UndecodableEvent(`${stream.name} #${message.sequence} has no ${missing.join(' or ')}`);
  const event = asCloudEvent(stream, message, entry as Record<string, unknown>);
  const named = parseCloudEventType(stream, event.type);
  if (named === undefined) throw new UndecodableEvent(`${stream.name} #${message.sequence} has an unknown event type ${event.type}`);
  const read = readEventData(stream, named.type, named.version, event.data);
  if ('problem' in read) throw new UndecodableEvent(`${stream.name} #${message.sequence}: ${read.problem}`);
  const metadata: EventMetadata = {
    id: event.id,
    stream: stream.name,
    subject: message.subject,
    sequence: message.sequence,
    time: event.time ?? '',
    correlationId: stringAttribute(event, 'correlationid') ?? event.id,
    causationId: stringAttribute(event, 'causationid') ?? event.id,
    traceparent: stringAttribute(event, 'traceparent'),
    tracestate: stringAttribute(event, 'tracestate'),
  };
  return { event: { type: named.type, data: read.data } as E, metadata };
};

/** A stored event's attributes, as `asCloudEvent` read them. */
type EventAttributes = Readonly<Record<string, unknown>> & { readonly id: string; readonly type: string; readonly time?: string; readonly data?: unknown };

/**
 * The attributes of a stored event, checked as a CloudEvent 1.0. An event exactly as `encodeEvents`
 * writes it (only its attributes, each of its type, a canonical UTC time, a plain source) is checked
 * here, attribute by attribute, at a fraction of the SDK's cost; a view or the bot decodes every event
 * they read. Anything else goes through the SDK's full validation, so what is accepted is never more
 * than what the SDK accepts.
 */
const asCloudEvent = (stream: EventStreamDefinition, message: StoredMessage, entry: Record<string, unknown>): EventAttributes => {
  if (isWrittenByUs(entry)) return entry;
  // The SDK validates 1.0 events only: any other version would pass it unchecked.
  if (entry.specversion !== '1.0') throw new UndecodableEvent(`${stream.name} #${message.sequence} is not a CloudEvents 1.0 event`);
  try {
    return new CloudEvent(entry, true);
  } catch (cause) {
    throw new UndecodableEvent(`${stream.name} #${message.sequence} is not a valid CloudEvent`, { cause });
  }
};

const OPTIONAL_STRING_ATTRIBUTES = new Set(['subject', 'correlationid', 'causationid', 'traceparent', 'tracestate']);
const PLAIN_SOURCE = /^\/[A-Za-z0-9/._-]*$/;
const CANONICAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** A UTC time as `Date.toISOString` writes it, on a day that exists. */
const isCanonicalTime = (time: string): boolean => {
  const match = CANONICAL_TIME.exec(time);
  return match !== null && isExistingDay(Number(match[1]), Number(match[2]), Number(match[3]));
};

const isWrittenByUs = (entry: Record<string, unknown>): entry is EventAttributes => {
  if (entry.specversion !== '1.0' || entry.datacontenttype !== 'application/json') return false;
  const { id, type, source, time } = entry;
  if (typeof id !== 'string' || id === '' || typeof type !== 'string' || type === '') return false;
  if (typeof source !== 'string' || !PLAIN_SOURCE.test(source)) return false;
  if (typeof time !== 'string' || !isCanonicalTime(time)) return false;
  for (const name in entry) {
    if (ENCODED_ATTRIBUTES.has(name)) continue;
    const value = entry[name];
    if (!OPTIONAL_STRING_ATTRIBUTES.has(name) || typeof value !== 'string' || value === '') return false;
  }
  return true;
};

const ENCODED_ATTRIBUTES = new Set(['id', 'type', 'source', 'time', 'specversion', 'datacontenttype', 'data']);

const stringAttribute = (event: EventAttributes, name: string): string | undefined => {
  const value: unknown = event[name];
  return typeof value === 'string' ? value : undefined;
};
