import { headers as natsHeaders } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { drained } from '@test/faults/stream-contents';
import { viewsCaughtUp } from '@test/faults/view-progress';
import { AppHarness } from '@test/app.harness';
import { cli, jsonLines } from '@test/cli-run';
import { booking, cleanup } from '@test/hotel.requests';
import { NatsClient } from '@adapter/nats/nats.client';

const DATE = '2031-05-05';

describe('the CLI against a running app', () => {
  let hotel: AppHarness;
  let nats: NatsClient;
  let bookedIds: string[];

  beforeAll(async () => {
    hotel = await AppHarness.start();
    nats = await NatsClient.connect({ servers: hotel.nats.url, name: 'observer' });
    bookedIds = (await hotel.put('/mutation/book-room', booking(1, 7, DATE))).body.eventIds as string[];
    await hotel.put('/mutation/book-room', booking(2, 8, DATE));
    await hotel.eventually(`/query/cleanup-schedule/${DATE}`, (answer) => JSON.stringify(answer.body).includes('"roomId":"2"'));
    await hotel.put('/mutation/cleanup', cleanup(1, DATE));
    await drained(hotel.jsm, HOTEL_STREAM.name, ['automation-schedule-cleaning'], 30_000);
    await viewsCaughtUp(nats, 30_000);
  });

  afterAll(async () => {
    await nats.close();
    await hotel.dispose();
  });

  it("prints an entity's history as the CloudEvents stored, a batch's events one a line", async () => {
    const run = await cli(hotel.nats.url, 'history', `hotel.room-day.1.${DATE}`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const events = jsonLines(run);
    expect(events.map(({ type }) => type)).toEqual(['hotel.RoomBooked.v2', 'hotel.CleanupScheduled.v1', 'hotel.RoomCleanedUp.v1', 'hotel.RoomAvailable.v1']);
    expect(events[0]).toMatchObject({ id: bookedIds[0], specversion: '1.0', subject: `hotel.room-day.1.${DATE}`, data: { roomId: '1', clientId: '7', date: DATE } });
    expect(events[1]).toMatchObject({ causationid: bookedIds[0], source: '/hotel/schedule-cleaning' });
  });

  it("prints a view's value, the values under a pattern, and a key's revisions", async () => {
    const one = await cli(hotel.nats.url, 'view', 'booking-board', `1.${DATE}`);
    expect(one.code).toBe(0);
    expect(jsonLines(one)).toEqual([expect.objectContaining({ key: `1.${DATE}`, view: expect.objectContaining({ availability: 'available', clientId: '7' }) })]);
    const all = await cli(hotel.nats.url, 'view', 'booking-board', `*.${DATE}`);
    expect(jsonLines<{ key: string; view: { availability: string } }>(all).map(({ key, view }) => [key, view.availability])).toEqual([
      [`1.${DATE}`, 'available'],
      [`2.${DATE}`, 'booked'],
    ]);
    const history = await cli(hotel.nats.url, 'view-history', 'booking-board', `1.${DATE}`);
    expect(jsonLines<{ operation: string; view: { availability: string } }>(history).map(({ operation, view }) => `${operation} ${view.availability}`)).toEqual([
      'PUT booked',
      'PUT available',
    ]);
  });

  it('lists the durable consumers and the view projectors with their lag and position', async () => {
    const last = await hotel.lastSequence(HOTEL_STREAM.name);
    const run = await cli(hotel.nats.url, 'consumers', '--json');
    expect(run.code).toBe(0);
    const rows = jsonLines<{ name: string; kind: string; lag: number; position: number; detail: string }>(run);
    expect(rows.map(({ name, kind, lag }) => [name, kind, lag])).toEqual([
      ['automation-create-notification', 'durable', 0],
      ['automation-email-internal-team', 'durable', 0],
      ['automation-notify-internal-team', 'durable', 0],
      ['automation-page-targets', 'durable', 0],
      ['automation-queue-email', 'durable', 0],
      ['automation-queue-slack', 'durable', 0],
      ['automation-record-internal-team-notified', 'durable', 0],
      ['automation-schedule-cleaning', 'durable', 0],
      ['automation-settle-email', 'durable', 0],
      ['automation-settle-slack', 'durable', 0],
      ['automation-start-saga', 'durable', 0],
      ['effect-call-back', 'durable', 0],
      ['effect-page-by-email', 'durable', 0],
      ['effect-page-by-sms', 'durable', 0],
      ['effect-send-email', 'durable', 0],
      ['effect-send-slack', 'durable', 0],
      ['process-merge-stays', 'durable', 0],
      ['process-notification-saga', 'durable', 0],
      ['timer-close-bundle', 'durable', 0],
      ['timer-elapse-reminder', 'durable', 0],
      ['timer-escalate', 'durable', 0],
      ['view-booking-board', 'view', 0],
      ['view-cleanup-schedule', 'view', 0],
      ['view-group-checkout', 'view', 0],
      ['view-guest-stay', 'view', 0],
      ['view-incident-timeline', 'view', 0],
      ['view-notification-status', 'view', 0],
      ['view-reminder-status', 'view', 0],
      ['view-room-list', 'view', 0],
      ['view-sent-emails', 'view', 0],
      ['view-service-status', 'view', 0],
    ]);
    expect(rows.find(({ name }) => name === 'view-booking-board')).toMatchObject({ position: last, detail: expect.stringMatching(/^bucket view-booking-board, held by /) });
    const table = await cli(hotel.nats.url, 'consumers');
    expect(table.stdout.split('\n')[0]).toMatch(/^CONSUMER\s+KIND\s+SUBJECTS\s+LAG\s+UNACKED\s+POSITION\s+DETAIL$/);
  });

  it("counts a view's lag from its checkpoint, and shows when nobody projects it", async () => {
    const rooms = (await hotel.messages(HOTEL_STREAM.name, 'hotel.room.*')).length;
    await hotel.app.close();
    await (await nats.kvm.open('projectors')).put('checkpoint.room-list', '0');
    const behind = jsonLines<{ name: string; lag: number; detail: string }>(await cli(hotel.nats.url, 'consumers', '--json'));
    expect(behind.find(({ name }) => name === 'view-room-list')).toMatchObject({ lag: rooms, detail: 'bucket view-room-list, no holder' });
    await hotel.restartApp();
    await viewsCaughtUp(nats, 30_000);
  });

  it('lists dead letters, and refuses to re-drive a view\'s: a rebuild repairs a view', async () => {
    const headers = natsHeaders();
    headers.set('Content-Type', 'application/cloudevents+json');
    const poison = await jetstream(hotel.observer).publish(`hotel.room-day.3.${DATE}`, '{"not":"a cloudevent"}', { headers });
    await waitFor(async () => (await hotel.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages === 3);
    const listed = jsonLines<{ sequence: number; consumer: string; streamSequence: number; reason: string }>(await cli(hotel.nats.url, 'dead-letters', '--json'));
    expect(listed.map(({ consumer }) => consumer).sort()).toEqual(['automation-schedule-cleaning', 'view-booking-board', 'view-cleanup-schedule']);
    expect(listed.every(({ streamSequence }) => streamSequence === poison.seq)).toBe(true);
    const table = await cli(hotel.nats.url, 'dead-letters', '--consumer', 'view-booking-board');
    expect(table.stdout).toMatch(new RegExp(`view-booking-board\\s+HOTEL #${poison.seq}\\s+hotel\\.room-day\\.3\\.${DATE}`));

    const redrive = await cli(hotel.nats.url, 'redrive', '--all');
    expect(redrive.code).toBe(1);
    expect(redrive.stderr).toContain('cannot take one back out of order; repair it with a rebuild: npx nats-event-model rebuild booking-board');
    expect(redrive.stderr).toContain('still not an event of HOTEL');
    expect(redrive.stderr).toContain('3 of 3 dead letters were not re-driven and are kept');
    expect((await hotel.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages).toBe(3);
  });

  it('says what went wrong and what to do, with exit codes', async () => {
    expect(await cli(hotel.nats.url, 'view', 'no-such-view')).toMatchObject({ code: 1, stderr: expect.stringContaining('the views are room-list, booking-board, cleanup-schedule') });
    expect(await cli(hotel.nats.url, 'view', 'booking-board', `9.${DATE}`)).toMatchObject({ code: 1, stderr: expect.stringContaining(`no document under 9.${DATE}`) });
    expect(await cli(hotel.nats.url, 'history', 'orders.1')).toMatchObject({ code: 1, stderr: expect.stringContaining('no event stream stores orders.1') });
    expect(await cli(hotel.nats.url, 'view-history', 'booking-board')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: nats-event-model view-history <view> <key>') });
    expect(await cli(hotel.nats.url, 'redrive')).toMatchObject({ code: 2, stderr: expect.stringContaining('their sequences (see dead-letters), --consumer <name>, or --all') });
    expect(await cli(hotel.nats.url, 'rebuild', 'booking-board', '--grace', 'soon')).toMatchObject({ code: 2 });
    expect(await cli(hotel.nats.url, 'consumers', '--colour')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option --colour') });
    expect(await cli(hotel.nats.url, 'explode')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command explode') });
    expect(await cli('nats://127.0.0.1:1', 'consumers')).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot reach NATS at nats://127.0.0.1:1 (from --server): check --server') });
    const help = await cli(hotel.nats.url, 'rebuild', '--help');
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('nats-event-model rebuild <view> [options]') });
    expect(help.stdout).toContain('--keep-old');
  });
});

const waitFor = async (condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
