import { CloudEvent } from 'cloudevents';
import fc from 'fast-check';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { CLOUDEVENT_BATCH_CONTENT_TYPE, CLOUDEVENT_CONTENT_TYPE, decodeEvents, encodeEvents, UndecodableEvent } from './cloudevent.codec';

const context = {
  source: '/hotel/cleanup',
  subject: 'hotel.room-day.1.2022-12-12',
  correlationId: 'trace-77',
  causationId: 'cause-1',
  time: '2022-12-12T10:00:00.000Z',
};
const cleaned: HotelEvent = {
  type: 'RoomCleanedUp',
  data: { roomId: '1', date: '2022-12-12', team: 'orange' },
};
const available: HotelEvent = {
  type: 'RoomAvailable',
  data: { roomId: '1', date: '2022-12-12' },
};
const ids = ['5a0f7c1e-2d0b-4a6e-9a51-0c0f9a2b7d01', '5a0f7c1e-2d0b-4a6e-9a51-0c0f9a2b7d02'];

/** What the CloudEvents SDK writes for the same event: the reference the encoder must equal. */
const bySdk = (event: HotelEvent, id: string): unknown =>
  JSON.parse(
    JSON.stringify(
      new CloudEvent({
        specversion: '1.0',
        id,
        source: context.source,
        type: `hotel.${event.type}.v${HOTEL_STREAM.contracts?.[event.type]?.version ?? 0}`,
        subject: context.subject,
        time: context.time,
        datacontenttype: 'application/json',
        correlationid: context.correlationId,
        causationid: context.causationId,
        data: event.data,
      }),
    ),
  );

describe('CloudEvents codec', () => {
  it('writes one event exactly as the CloudEvents SDK does, in structured mode', () => {
    const encoded = encodeEvents(HOTEL_STREAM, [cleaned], ids, context);
    expect(encoded.contentType).toBe(CLOUDEVENT_CONTENT_TYPE);
    expect(encoded.body).toBe(JSON.stringify(bySdk(cleaned, ids[0]!)));
  });

  it('writes several events as a CloudEvents JSON batch, each as the SDK does', () => {
    const encoded = encodeEvents(HOTEL_STREAM, [cleaned, available], ids, context);
    expect(encoded.contentType).toBe(CLOUDEVENT_BATCH_CONTENT_TYPE);
    expect(JSON.parse(encoded.body)).toEqual([bySdk(cleaned, ids[0]!), bySdk(available, ids[1]!)]);
  });

  it('reads back what it wrote', () => {
    const encoded = encodeEvents(HOTEL_STREAM, [cleaned, available], ids, context);
    const decoded = decodeEvents<HotelEvent>(HOTEL_STREAM, {
      subject: context.subject,
      sequence: 9,
      body: encoded.body,
    });
    expect(decoded).toEqual(
      [cleaned, available].map((event, index) => ({
        event,
        metadata: { id: ids[index], stream: 'HOTEL', subject: context.subject, sequence: 9, time: context.time, correlationId: 'trace-77', causationId: 'cause-1' },
      })),
    );
  });

  it('carries the trace context as the CloudEvents distributed-tracing attributes, and reads it back into the metadata', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const traced = { ...context, traceparent, tracestate: 'vendor=abc' };
    const encoded = encodeEvents(HOTEL_STREAM, [cleaned, available], ids, traced);
    const sdk = (event: HotelEvent, id: string): unknown => ({ ...(bySdk(event, id) as object), traceparent, tracestate: 'vendor=abc' });
    expect(JSON.parse(encoded.body)).toEqual([sdk(cleaned, ids[0]!), sdk(available, ids[1]!)]);
    const decoded = decodeEvents<HotelEvent>(HOTEL_STREAM, { subject: context.subject, sequence: 9, body: encoded.body });
    expect(decoded.map(({ metadata }) => [metadata.traceparent, metadata.tracestate])).toEqual([
      [traceparent, 'vendor=abc'],
      [traceparent, 'vendor=abc'],
    ]);
    const untraced = decodeEvents<HotelEvent>(HOTEL_STREAM, { subject: context.subject, sequence: 9, body: encodeEvents(HOTEL_STREAM, [cleaned], ids, context).body });
    expect(untraced[0]?.metadata.traceparent).toBeUndefined();
    expect(encodeEvents(HOTEL_STREAM, [cleaned], ids, context).body).not.toMatch(/traceparent|tracestate/);
  });

  it('refuses to write an event without an id', () => {
    expect(() => encodeEvents(HOTEL_STREAM, [cleaned, available], ids.slice(0, 1), context)).toThrow('has no id');
  });
  const stored = (body: string) => ({
    subject: context.subject,
    sequence: 3,
    body,
  });
  const written = () => JSON.parse(encodeEvents(HOTEL_STREAM, [cleaned], ids, context).body) as Record<string, unknown>;

  it.each(['id', 'time'])('refuses to read an event without %s, which a replay could not decode the same way twice', (attribute) => {
    const event = written();
    delete event[attribute];
    expect(() => decodeEvents(HOTEL_STREAM, stored(JSON.stringify(event)))).toThrow(UndecodableEvent);
  });

  it.each(['id', 'time'])('refuses to read an event with an empty %s, which the SDK would fill in too', (attribute) => {
    expect(() => decodeEvents(HOTEL_STREAM, stored(JSON.stringify({ ...written(), [attribute]: '' })))).toThrow(UndecodableEvent);
  });

  it('accepts no event the CloudEvents SDK refuses, and reads the attributes of those it accepts as the SDK does', () => {
    const attribute = fc.constantFrom('id', 'source', 'type', 'time', 'specversion', 'datacontenttype', 'subject', 'correlationid', 'causationid', 'traceparent', 'data', 'dataschema', 'data_base64', 'Extra', 'extra');
    const value = fc.oneof(
      fc.constantFrom('', ' ', '1.0', '0.3', 'application/json', 'text/plain', '/hotel/x', 'not a uri reference%', 'hotel.RoomCleanedUp.v1', '2022-12-12T10:00:00.000Z', '2022-02-30T10:00:00.000Z', '2022-12-12T10:00:00Z', '2022-12-12T25:00:00.000Z'),
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant({ roomId: '1', date: '2022-12-12', team: 'orange' }),
    );
    fc.assert(
      fc.property(fc.dictionary(attribute, value, { maxKeys: 3 }), fc.uniqueArray(attribute, { maxLength: 2 }), (changes, removed) => {
        const entry: Record<string, unknown> = { ...written(), ...changes };
        for (const name of removed) delete entry[name];
        let sdk: CloudEvent<unknown> | undefined;
        try {
          sdk = new CloudEvent(entry, true);
        } catch {
          sdk = undefined;
        }
        let read: ReturnType<typeof decodeEvents>[number] | undefined;
        try {
          read = decodeEvents(HOTEL_STREAM, stored(JSON.stringify(entry)))[0];
        } catch (error) {
          expect(error).toBeInstanceOf(UndecodableEvent);
        }
        if (read === undefined) return;
        expect(sdk).toBeDefined();
        const text = (name: string): unknown => (typeof sdk?.[name] === 'string' ? sdk[name] : sdk?.id);
        expect(read.metadata).toMatchObject({ id: sdk?.id, time: sdk?.time, correlationId: text('correlationid'), causationId: text('causationid') });
        expect(read.event.data).toEqual(sdk?.data);
      }),
      { numRuns: 3_000 },
    );
  });

  it('refuses to read a batch in which one event is broken', () => {
    expect(() => decodeEvents(HOTEL_STREAM, stored(JSON.stringify([written(), { ...written(), type: 'hotel.RoomCleanedUp.v9' }])))).toThrow(
      UndecodableEvent,
    );
  });
});
