import { headers as natsHeaders } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import { BOOKING_BOARD } from '@feature/hotel/booking-board/booking-board.slice';
import { SCHEDULE_CLEANING } from '@feature/hotel/schedule-cleaning/schedule-cleaning.slice';
import { AppHarness, type HttpAnswer } from './app.harness';
import { booking } from './hotel.requests';
import { LiveClient } from './live.client';

/** The value of one series in a `GET /metrics` answer (`name{labels}` exactly as written), or undefined when absent. */
const valueOf = (answer: HttpAnswer, series: string): number | undefined => {
  const line = String(answer.body.text).split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};
const bookings = (outcome: string): string => `command_duration_seconds_count{command="book-room",trigger="http",outcome="${outcome}"}`;
const consumer = (name: string, series: string): string => `${series}{consumer="${name}"}`;
const BOT = 'automation-schedule-cleaning';
const BOARD = 'view-booking-board';

describe('operations: health, readiness and metrics', () => {
  let hotel: AppHarness;

  beforeAll(async () => {
    hotel = await AppHarness.start({ readyMaxLagMessages: 0 });
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  const metrics = () => hotel.get('/metrics');
  const eventuallyMetric = (series: string, accept: (value: number | undefined) => boolean) => hotel.eventually('/metrics', (answer) => accept(valueOf(answer, series)));

  it('answers /health, and /ready with every check once the views have caught up', async () => {
    expect(await hotel.get('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await hotel.eventually('/ready', (answer) => answer.status === 200);
    expect(ready.body.status).toBe('ready');
    const checks = ready.body.checks as { name: string; ready: boolean }[];
    expect(checks.map((check) => check.name).sort()).toEqual([
      'automation automation-create-notification',
      'automation automation-email-internal-team',
      'automation automation-notify-internal-team',
      'automation automation-page-targets',
      'automation automation-queue-email',
      'automation automation-queue-slack',
      'automation automation-record-internal-team-notified',
      'automation automation-schedule-cleaning',
      'automation automation-settle-email',
      'automation automation-settle-slack',
      'automation automation-start-saga',
      'automation effect-call-back',
      'automation effect-page-by-email',
      'automation effect-page-by-sms',
      'automation effect-send-email',
      'automation effect-send-slack',
      'automation process-merge-stays',
      'automation process-notification-saga',
      'automation timer-close-bundle',
      'automation timer-elapse-reminder',
      'automation timer-escalate',
      'bucket projectors',
      'bucket timers',
      'bucket view-booking-board',
      'bucket view-cleanup-schedule',
      'bucket view-group-checkout',
      'bucket view-guest-stay',
      'bucket view-incident-timeline',
      'bucket view-notification-status',
      'bucket view-reminder-status',
      'bucket view-room-list',
      'bucket view-sent-emails',
      'bucket view-service-status',
      'nats',
      'stream DEAD_LETTER',
      'stream GROUP_CHECKOUT',
      'stream HOTEL',
      'stream NOTIFICATION',
      'stream NOTIFICATION_EMAILS',
      'stream NOTIFICATION_EMAIL_OPS',
      'stream NOTIFICATION_INTERNAL',
      'stream NOTIFICATION_REQUESTS',
      'stream NOTIFICATION_SAGAS',
      'stream NOTIFICATION_SLACK',
      'stream NOTIFICATION_SLACK_OPS',
      'stream PAGER',
      'stream PAGER_TARGETS',
      'stream REMINDER',
      'stream TIMERS',
      'stream TIMERS_EMAIL_BOT',
      'stream TIMERS_SLACK_BOT',
      'view booking-board',
      'view cleanup-schedule',
      'view group-checkout',
      'view guest-stay',
      'view incident-timeline',
      'view notification-status',
      'view reminder-status',
      'view room-list',
      'view sent-emails',
      'view service-status',
    ]);
    expect(checks.every((check) => check.ready)).toBe(true);
  });

  it('counts commands by outcome, stored events, and an automation\'s and a view\'s backlog while they stand still', async () => {
    await hotel.eventually('/ready', (answer) => answer.status === 200);
    const before = await metrics();
    const bot = hotel.automation(SCHEDULE_CLEANING);
    const board = hotel.view(BOOKING_BOARD).projector;
    await Promise.all([bot.stop(), board.stop()]);
    const boardPosition = await board.position();
    for (const room of [1, 2, 3]) expect((await hotel.put('/mutation/book-room', booking(room, 1, '2031-01-01'))).status).toBe(201);
    expect((await hotel.put('/mutation/book-room', booking(1, 2, '2031-01-01'))).status).toBe(409);
    expect((await hotel.put('/mutation/book-room', { data: { room: { id: 1 }, date: '2031-01-01' } })).status).toBe(400);

    const stalled = await metrics();
    const delta = (series: string) => (valueOf(stalled, series) ?? 0) - (valueOf(before, series) ?? 0);
    expect([delta(bookings('ok')), delta(bookings('refused')), delta(bookings('invalid'))]).toEqual([3, 1, 1]);
    expect(delta('commands_handled_total{slice="/hotel/book-room"}')).toBe(4);
    expect(delta('events_published_total{stream="HOTEL",type="RoomBooked"}')).toBe(3);
    expect(valueOf(stalled, consumer(BOT, 'consumer_pending_messages'))).toBe(3);
    expect(valueOf(stalled, consumer(BOT, 'consumer_lag_messages'))).toBe(3);
    expect(valueOf(stalled, consumer(BOT, 'consumer_ack_pending_messages'))).toBe(0);
    expect(valueOf(stalled, consumer(BOT, 'consumer_redelivered_messages'))).toBe(0);
    expect(valueOf(stalled, consumer(BOT, 'consumer_lag_seconds'))).toBeGreaterThanOrEqual(0);
    // A view's lag is in stream sequences: from what it applied to the last message on its subjects (here the last booking).
    const boardLag = (await hotel.lastSequence('HOTEL')) - boardPosition;
    expect(boardLag).toBeGreaterThanOrEqual(3);
    expect(valueOf(stalled, consumer(BOARD, 'consumer_lag_messages'))).toBe(boardLag);
    expect(valueOf(stalled, consumer(BOARD, 'consumer_pending_messages'))).toBe(boardLag);

    const notReady = await hotel.get('/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.headers['content-type']).toContain('application/problem+json');
    expect(notReady.body).toMatchObject({ status: 503, title: 'Not ready', instance: '/ready', correlationId: expect.any(String) });
    expect(notReady.body.notReady).toContain('view booking-board');
    expect(notReady.body.detail).toContain(`view booking-board (lag ${boardLag} of at most 0 (READY_MAX_LAG_MESSAGES))`);

    bot.start();
    board.start();
    const caughtUp = await eventuallyMetric(consumer(BOT, 'consumer_lag_messages'), (lag) => lag === 0);
    expect(valueOf(caughtUp, consumer(BOT, 'consumer_lag_seconds'))).toBe(0);
    const cleanings = await eventuallyMetric('command_duration_seconds_count{command="schedule-cleaning",trigger="automation",outcome="ok"}', (count) => count !== undefined);
    expect(valueOf(cleanings, 'events_published_total{stream="HOTEL",type="CleanupScheduled"}')).toBeGreaterThanOrEqual(3);
    await eventuallyMetric(consumer(BOARD, 'consumer_lag_messages'), (lag) => lag === 0);
    expect((await hotel.eventually('/ready', (answer) => answer.status === 200)).body.status).toBe('ready');
  });

  it('counts dead letters per consumer after a poison message', async () => {
    const headers = natsHeaders();
    headers.set('Content-Type', 'application/cloudevents+json');
    await jetstream(hotel.observer).publish('hotel.room-day.5.2031-02-02', '{"not":"a cloudevent"}', { headers });
    const after = await eventuallyMetric(consumer('view-cleanup-schedule', 'dead_letter_messages'), (count) => count === 1);
    await eventuallyMetric(consumer(BOT, 'dead_letter_messages'), (count) => count === 1);
    expect(valueOf(await metrics(), consumer(BOARD, 'dead_letter_messages'))).toBe(1);
    expect(valueOf(after, 'dead_letter_messages{consumer="view-room-list"}')).toBeUndefined();
  });

  it('counts live clients while they are connected', async () => {
    const client = await LiveClient.connect(await hotel.listen());
    await eventuallyMetric('live_clients', (count) => count === 1);
    client.close();
    await client.closed;
    await eventuallyMetric('live_clients', (count) => count === 0);
  });

  it('answers /ready 503 naming NATS while it is down, /health and /metrics all the same, and ready again once it is back', async () => {
    await hotel.nats.server.kill();
    const noticed = (answer: { status: number; body: Record<string, unknown> }): boolean =>
      answer.status === 503 && Array.isArray(answer.body.notReady) && answer.body.notReady.includes('nats');
    const down = await hotel.eventually('/ready', noticed);
    expect(down.body.notReady).toEqual(['nats']);
    expect(down.body.detail).toBe('not ready: nats (not connected; the client is reconnecting)');
    expect((await hotel.get('/health')).status).toBe(200);
    const scraped = await metrics();
    expect(valueOf(scraped, 'nats_connected')).toBe(0);
    expect(valueOf(scraped, consumer(BOT, 'consumer_lag_messages'))).toBeUndefined();
    await hotel.nats.server.start();
    await hotel.settle();
    expect((await hotel.eventually('/ready', (answer) => answer.status === 200)).body.status).toBe('ready');
    expect(valueOf(await metrics(), 'nats_connected')).toBe(1);
  });
});

describe('health and readiness with credentials and a rate limit', () => {
  let hotel: AppHarness;

  beforeAll(async () => {
    hotel = await AppHarness.start({ authTokens: ['ops-token-0123456789abcdef'], rateLimitRequests: 3, rateLimitWindowMs: 60_000 });
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('answers probes without a token and beyond the rate limit, which still holds for everything else', async () => {
    await hotel.eventually('/ready', (answer) => answer.status === 200);
    for (let probe = 0; probe < 10; probe++) {
      expect((await hotel.get('/health')).status).toBe(200);
      expect((await hotel.get('/ready')).status).toBe(200);
    }
    const answers = await Promise.all(Array.from({ length: 4 }, () => hotel.put('/mutation/book-room', booking(1, 1, '2031-03-03'))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([401, 401, 401, 429]);
  });
});
