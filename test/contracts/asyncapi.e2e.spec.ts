import { Parser } from '@asyncapi/parser';
import { dataSchema } from '@libs/event-model/event-contract';
import { isStateChange } from '@libs/event-model/board';
import { HOTEL_BOARD } from '@feature/hotel/hotel.board';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { cloudEventType } from '@libs/event-model/event-stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { AppHarness } from '../app.harness';
import { booking, cleanup } from '../hotel.requests';
import { DocumentSchemas, danglingRefs } from './contract-schemas';
import { EventSchemas } from './event-schemas';

type Json = Record<string, unknown>;
interface CloudEventJson extends Json {
  readonly type: string;
  readonly data: Json;
}
interface Message {
  readonly contentType?: string;
  readonly payload: object;
  readonly examples?: { readonly payload: CloudEventJson }[];
}
/** The parts of the generated document the tests look into. */
interface AsyncApiJson {
  readonly channels: Record<string, { readonly address: string | null; readonly parameters?: Json; readonly messages?: Json }>;
  readonly operations: Record<string, { readonly messages?: unknown[] }>;
  readonly components: { readonly schemas: Json; readonly messages: Record<string, Message> };
}
/** Diagnostics' severities: 0 error, 1 warning, 2 information, 3 hint. */
const WARNING = 1;
const date = '2031-03-03';
const entitySubjects = HOTEL_STREAM.entities.map((entity) => entity.subject);
const commandSubjects = HOTEL_BOARD.slices.filter(isStateChange).flatMap((slice) => slice.triggers.flatMap((trigger) => (trigger.kind === 'nats' ? [trigger.subject] : [])));

describe('the AsyncAPI document, generated from the board and the streams', () => {
  let hotel: AppHarness;
  let document: AsyncApiJson;

  beforeAll(async () => {
    hotel = await AppHarness.start();
    const answer = await hotel.app.inject({ method: 'GET', url: '/asyncapi.json' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    document = JSON.parse(answer.body) as AsyncApiJson;
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('is served at /asyncapi.json and parses with @asyncapi/parser without errors or warnings', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const problems = diagnostics.filter(({ severity }) => Number(severity) <= WARNING);
    expect(problems.map(({ code, message, path }) => `${String(code)} ${message} at ${path.join('.')}`)).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
    const addresses = parsed?.channels().all().map((channel) => channel.address());
    expect(addresses).toEqual(expect.arrayContaining([...entitySubjects, ...commandSubjects, DEAD_LETTER_STREAM.subject]));
    expect(parsed?.allMessages().all().map((message) => message.id())).toEqual(expect.arrayContaining([...HOTEL_STREAM.eventTypes]));
    expect(danglingRefs(document)).toEqual([]);
  });

  it('names the nats-server the app actually uses, here one on a port picked at random, without credentials', () => {
    const { servers } = document as unknown as { servers: Record<string, { host: string; protocol: string }> };
    expect(servers).toEqual({ nats: expect.objectContaining({ host: new URL(hotel.nats.url).host, protocol: 'nats' }) });
    expect(new URL(hotel.nats.url).port).not.toBe('4222');
  });

  it('has a channel for every entity subject with its parameters, every NATS command subject, and the dead letters', () => {
    const channels = Object.values(document.channels);
    for (const entity of HOTEL_STREAM.entities) {
      const channel = channels.find(({ address }) => address === entity.subject);
      expect(Object.keys(channel?.parameters ?? {})).toEqual(Object.keys(entity.params));
      expect(Object.keys(channel?.messages ?? {})).toEqual([...entity.eventTypes, ...(entity.eventTypes.length > 1 ? ['HOTEL_batch'] : [])]);
    }
    expect(entitySubjects).toEqual(['hotel.room.{roomId}', 'hotel.room-day.{roomId}.{date}']);
    expect(commandSubjects).toEqual(['cmd.hotel.register-room', 'cmd.hotel.book-room', 'cmd.hotel.cleanup', 'cmd.hotel.checkin']);
    for (const subject of commandSubjects) expect(channels.some(({ address }) => address === subject)).toBe(true);
  });

  it('says which slice stores and which reads each event, and that command requests are answered', () => {
    const operations = document.operations;
    expect(operations['book-room_stores_room-day']).toMatchObject({ action: 'send', messages: [{ $ref: '#/channels/HOTEL_room-day/messages/RoomBooked' }] });
    expect(operations['schedule-cleaning_reads_room-day']).toMatchObject({ action: 'receive', messages: [{ $ref: '#/channels/HOTEL_room-day/messages/RoomBooked' }] });
    expect(operations['cleanup_stores_room-day']?.messages).toHaveLength(3);
    expect(operations['book-room_request']).toMatchObject({ action: 'receive', reply: { channel: { $ref: '#/channels/command_reply' } } });
    expect(document.components.messages.BookRoomRequest?.payload).toEqual({ $ref: '#/components/schemas/BookRoomInput' });
    expect(new DocumentSchemas(document).errors('BookRoomInput', booking(1, 1))).toEqual([]);
  });

  it('gives every event a message: a CloudEvent whose data is the event\'s JSON Schema, with an example that fits', () => {
    const schemas = new DocumentSchemas(document);
    const data = new EventSchemas(HOTEL_STREAM.contracts ?? {});
    for (const type of HOTEL_STREAM.eventTypes) {
      const message = document.components.messages[type];
      expect(message).toMatchObject({ contentType: 'application/cloudevents+json', payload: { $ref: `#/components/schemas/${type}Event` } });
      expect(document.components.schemas[`${type}Data`]).toEqual(dataSchema(HOTEL_STREAM.contracts![type]!));
      const example = message?.examples?.[0]?.payload ?? { type: '', data: {} };
      expect(example.type).toBe(cloudEventType(HOTEL_STREAM, type));
      expect(schemas.errors(`${type}Event`, example)).toEqual([]);
      expect(data.errors(type, example.data)).toEqual([]);
      expect(schemas.errors(`${type}Event`, { ...example, data: { ...example.data, roomId: 'a.b' } })).not.toEqual([]);
    }
  });

  it('describes exactly what a real flow stores: every stored CloudEvent fits its message, every data its schema', async () => {
    await hotel.put('/mutation/register-room', { data: { room: { id: 'attic' }, name: 'Attic' } });
    const booked = await hotel.put('/mutation/book-room', booking('attic', 'alice', date));
    expect(booked.status).toBe(201);
    await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => answer.status === 200);
    expect((await hotel.put('/mutation/cleanup', cleanup('attic', date))).status).toBe(201);
    expect((await hotel.put('/mutation/checkin', booking('attic', 'alice', date))).status).toBe(201);
    const schemas = new DocumentSchemas(document);
    const data = new EventSchemas(HOTEL_STREAM.contracts ?? {});
    const stored = [...(await hotel.messages('HOTEL', 'hotel.room.attic')), ...(await hotel.messages('HOTEL', `hotel.room-day.attic.${date}`))];
    const events = stored.flatMap((message) => {
      const body = message.json<CloudEventJson | CloudEventJson[]>();
      if (Array.isArray(body)) expect(schemas.check(document.components.messages.HOTEL_batch?.payload ?? {}, body)).toEqual([]);
      return Array.isArray(body) ? body : [body];
    });
    expect(events.map((event) => event.type)).toEqual(
      ['RoomRegistered', 'RoomBooked', 'CleanupScheduled', 'RoomCleanedUp', 'RoomAvailable', 'GuestCheckedIn'].map((type) => cloudEventType(HOTEL_STREAM, type)),
    );
    for (const event of events) {
      const type = event.type.split('.')[1]!;
      expect(schemas.errors(`${type}Event`, event)).toEqual([]);
      expect(data.errors(type, event.data)).toEqual([]);
    }
  });

  it('renders at /asyncapi as HTML naming every channel and every message, with no script', async () => {
    const answer = await hotel.app.inject({ method: 'GET', url: '/asyncapi' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    for (const channel of Object.values(document.channels)) {
      if (channel.address !== null) expect(answer.body).toContain(`<code>${String(channel.address)}</code>`);
    }
    for (const name of Object.keys(document.components.messages)) expect(answer.body).toContain(`id="message-${name}"`);
    expect(answer.body).not.toContain('<script');
    expect((await hotel.app.inject({ method: 'GET', url: '/asyncapi.css' })).headers['content-type']).toMatch(/^text\/css/);
  });
});
