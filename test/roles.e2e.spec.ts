import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@app/app.factory';
import { loadConfig } from '@adapter/config/app.config';
import { BoardViews } from '@adapter/runtime/board-views';
import { BOOKING_BOARD } from '@feature/hotel/booking-board/booking-board.slice';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { AppHarness } from './app.harness';
import { booking } from './hotel.requests';

describe('instances split by role: a front serving commands and queries, a worker running the views and the bot', () => {
  let front: AppHarness;
  let worker: NestFastifyApplication | undefined;
  const date = '2033-03-03';

  beforeAll(async () => {
    front = await AppHarness.start({ runViewProjectors: false, runAutomations: false });
  });

  afterAll(async () => {
    await worker?.close();
    await front?.dispose();
  });

  it('stores commands on the front alone, and its queries show what the worker projected once it runs', async () => {
    const booked = await front.put('/mutation/book-room', booking(2, 7, date));
    expect(booked.status).toBe(201);
    expect(front.app.get(BoardViews).of(BOOKING_BOARD).projector.holdsLease).toBe(false);
    const bot = await front.jsm.consumers.info(HOTEL_STREAM.name, 'automation-schedule-cleaning');
    expect(bot.num_pending + bot.num_ack_pending).toBeGreaterThan(0);
    expect((await front.messages(HOTEL_STREAM.name, roomDaySubject('2', date))).length).toBe(1);

    worker = await createApp({ ...loadConfig({}), logLevel: 'error', seedDemo: false, natsUrl: front.nats.url });
    const shown = await front.get(`/query/booking/2/${date}?sequence=${String(booked.body.sequence)}`);
    expect(shown.body.view).toMatchObject({ roomId: '2', date, clientId: '7', availability: 'booked' });
    const scheduled = await front.eventually(`/query/cleanup-schedule/${date}`, (answer) => answer.status === 200);
    expect(scheduled.body.view).toMatchObject({ date, rooms: [{ roomId: '2', status: 'scheduled' }] });
    const stored = await front.messages(HOTEL_STREAM.name, roomDaySubject('2', date));
    expect(stored.map((message) => (JSON.parse(message.string()) as { type: string }).type)).toEqual(['hotel.RoomBooked.v2', 'hotel.CleanupScheduled.v1']);
    expect(front.app.get(BoardViews).of(BOOKING_BOARD).projector.holdsLease).toBe(false);
  });
});
