import type { StoredMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { HOTEL_STREAM, hotelCommandSubject } from '@stream/hotel.stream';
import { AppHarness } from './app.harness';
import { booking } from './hotel.requests';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;
type Line = Record<string, unknown>;

/** The trace id and parent span id a stored event names, checked to be the same in its NATS header and its CloudEvent. */
const traceOf = (message: StoredMsg): { traceId: string; spanId: string } => {
  const header = message.header.get('traceparent');
  expect((message.json<{ traceparent?: string }>()).traceparent).toBe(header);
  const [, traceId = '', spanId = ''] = TRACEPARENT.exec(header) ?? [];
  expect(traceId).not.toBe('');
  return { traceId, spanId };
};

describe('correlation in the logs and trace context from a request to what the bot decides', () => {
  let hotel: AppHarness;
  const lines: Line[] = [];
  let stdout: jest.SpyInstance;

  beforeAll(async () => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
      return true;
    });
    hotel = await AppHarness.start({ logLevel: 'debug', tracesExporter: 'console' });
  });

  afterAll(async () => {
    await hotel.dispose();
    stdout.mockRestore();
  });

  /** Waits for the log line `accept` picks, written before or after the call. */
  const logged = async (accept: (line: Line) => boolean): Promise<Line> => {
    for (const deadline = Date.now() + 20_000; ; ) {
      const found = lines.find(accept);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such log line among ${lines.length}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const decided = (slice: string, correlationId: string) => (line: Line) =>
    line.context === `Command /hotel/${slice}` && line.message === 'decided' && line.correlationId === correlationId;
  const roomDay = async (room: number, date: string): Promise<{ booked: StoredMsg; scheduled: StoredMsg }> => {
    for (const deadline = Date.now() + 20_000; ; ) {
      const [booked, scheduled] = await hotel.messages(HOTEL_STREAM.name, `hotel.room-day.${room}.${date}`);
      if (booked && scheduled) return { booked, scheduled };
      if (Date.now() > deadline) throw new Error(`the bot never scheduled the cleaning of room ${room} on ${date}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it('names the request\'s correlation id in the logs of its command, and of the bot\'s work caused by its event', async () => {
    const answer = await hotel.put('/mutation/book-room', booking(1, 1, '2032-01-01'), { 'x-correlation-id': 'journey-ops-1' });
    expect(answer.status).toBe(201);
    const request = await logged(decided('book-room', 'journey-ops-1'));
    expect(request).toMatchObject({ level: 'debug', causationId: 'journey-ops-1', traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const bot = await logged(decided('schedule-cleaning', 'journey-ops-1'));
    expect(bot).toMatchObject({ causationId: answer.body.eventId, traceId: request.traceId });
    expect(bot.spanId).not.toBe(request.spanId);
  });

  it('continues a caller\'s traceparent through RoomBooked to the CleanupScheduled the bot wrote, each hop in a span of its own', async () => {
    const traceparent = `00-${TRACE_ID}-${CALLER_SPAN}-01`;
    expect((await hotel.put('/mutation/book-room', booking(2, 1, '2032-01-01'), { traceparent })).status).toBe(201);
    const { booked, scheduled } = await roomDay(2, '2032-01-01');
    const request = traceOf(booked);
    const bot = traceOf(scheduled);
    expect(request.traceId).toBe(TRACE_ID);
    expect(bot.traceId).toBe(TRACE_ID);
    expect(request.spanId).not.toBe(CALLER_SPAN);
    expect(bot.spanId).not.toBe(request.spanId);
    expect(bot.spanId).not.toBe(CALLER_SPAN);
    const spans = (name: string) => (line: Line) => line.context === 'Trace' && line.name === name && line.traceId === TRACE_ID;
    expect(await logged(spans('PUT /mutation/book-room'))).toMatchObject({ kind: 'SERVER', spanId: request.spanId, parentSpanId: CALLER_SPAN, status: 'ok' });
    expect(await logged(spans('automation schedule-cleaning'))).toMatchObject({ kind: 'CONSUMER', spanId: bot.spanId, parentSpanId: request.spanId });
  });

  it('starts a new trace for a request without traceparent, and the bot continues it', async () => {
    expect((await hotel.put('/mutation/book-room', booking(3, 1, '2032-01-01'))).status).toBe(201);
    const { booked, scheduled } = await roomDay(3, '2032-01-01');
    const request = traceOf(booked);
    expect(request.traceId).not.toBe(TRACE_ID);
    expect(traceOf(scheduled).traceId).toBe(request.traceId);
  });

  it('does the same for a NATS command carrying traceparent and X-Correlation-Id', async () => {
    const headers = natsHeaders();
    headers.set('traceparent', `00-${TRACE_ID}-${CALLER_SPAN}-01`);
    headers.set('X-Correlation-Id', 'journey-ops-nats');
    const reply = await hotel.observer.request(hotelCommandSubject('book-room'), JSON.stringify(booking(4, 1, '2032-01-01')), { timeout: 5_000, headers });
    expect(reply.headers?.get('Status')).toBe('201');
    const { booked, scheduled } = await roomDay(4, '2032-01-01');
    const request = traceOf(booked);
    expect(request.traceId).toBe(TRACE_ID);
    expect(request.spanId).not.toBe(CALLER_SPAN);
    expect(traceOf(scheduled).traceId).toBe(TRACE_ID);
    expect(await logged(decided('book-room', 'journey-ops-nats'))).toMatchObject({ traceId: TRACE_ID, spanId: request.spanId });
    expect(await logged(decided('schedule-cleaning', 'journey-ops-nats'))).toMatchObject({ traceId: TRACE_ID, causationId: booked.json<{ id: string }>().id });
  });
});
