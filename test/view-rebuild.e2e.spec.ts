import { HOTEL_STREAM } from '@stream/hotel.stream';
import { NatsClient } from '@adapter/nats/nats.client';
import { bucketExists, greenBucketName, bucketName } from '@adapter/projection/view-buckets';
import { activeBucketOf } from '@adapter/projection/view-rebuild';
import { decodeViewEntry } from '@adapter/projection/view-store';
import type { ValueMessage } from '@adapter/live/live.protocol';
import { BOOKING_BOARD } from '@feature/hotel/booking-board/booking-board.slice';
import { AppHarness } from './app.harness';
import { cli } from './cli-run';
import { drained } from './faults/stream-contents';
import { viewDiscrepancies } from './faults/convergence';
import { viewsCaughtUp } from './faults/view-progress';
import { booking } from './hotel.requests';
import { LiveClient } from './live.client';

const VIEW = 'booking-board';

/** Every date from 2040-01-01 on, one per index: each booking of the load is a room-day of its own. */
const date = (index: number): string => new Date(Date.UTC(2040, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);

/**
 * A blue/green rebuild of `booking-board` through the CLI while clients book over HTTP and read their own
 * bookings back, a live client watches the whole view, and a second rebuild is started at the same time.
 */
describe('rebuilding a view blue/green under load', () => {
  let hotel: AppHarness;
  let nats: NatsClient;
  let live: LiveClient;

  beforeAll(async () => {
    hotel = await AppHarness.start({ rateLimitRequests: 1_000_000 });
    nats = await NatsClient.connect({ servers: hotel.nats.url, name: 'observer' });
    live = await LiveClient.connect(await hotel.listen());
  });

  afterAll(async () => {
    live.close();
    await nats.close();
    await hotel.dispose();
  });

  /** Books room-days `from`, `from + 1`, … on `clients` clients until `until()` holds; every booking must be answered 201 and read back booked. */
  const load = async (from: number, clients: number, until: () => boolean): Promise<number> => {
    let next = from;
    const client = async (): Promise<void> => {
      while (!until()) {
        const day = date(next++);
        const booked = await hotel.put('/mutation/book-room', booking(1, 1, day));
        expect(booked.status).toBe(201);
        const read = await hotel.get(`/query/booking/1/${day}?sequence=${String(booked.body.sequence)}`);
        expect(read).toMatchObject({ status: 200, body: { view: { availability: 'booked' } } });
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    return next;
  };

  const settle = async (): Promise<void> => {
    await drained(hotel.jsm, HOTEL_STREAM.name, ['automation-schedule-cleaning'], 30_000);
    await viewsCaughtUp(nats, 30_000);
  };

  it('switches to the filled bucket, ends equal to a replay, serves throughout, keeps the new bucket after a restart, and switches back and forth', async () => {
    let seeded = 0;
    await load(0, 4, () => seeded++ >= 200);
    await live.subscribe('all', VIEW);

    let rebuilt = false;
    const loading = load(1_000, 4, () => rebuilt);
    const rebuilds = Promise.all([cli(hotel.nats.url, 'rebuild', VIEW, '--grace', '500'), cli(hotel.nats.url, 'rebuild', VIEW, '--grace', '500')]);
    const runs = await rebuilds.finally(() => (rebuilt = true));
    const bookedUpTo = await loading;

    expect(runs.map(({ code }) => code).sort()).toEqual([0, 1]);
    const [winner, loser] = runs[0]?.code === 0 ? runs : [runs[1], runs[0]];
    expect(winner?.stdout).toContain(`${VIEW}: ${bucketName(VIEW)} -> ${greenBucketName(VIEW)}`);
    expect(winner?.stderr).toMatch(/rebuild booking-board \[#+\] [\d,]+\/[\d,]+ messages .* done/);
    expect(loser?.stderr).toContain(`another rebuild of ${VIEW} is running`);
    expect(bookedUpTo - 1_000).toBeGreaterThanOrEqual(20);

    await settle();
    const filledThrough = Number(/through HOTEL #(\d+)/.exec(winner?.stdout ?? '')?.[1]);
    const projectedAfterSwitch = (await hotel.get(`/query/booking/1/${date(bookedUpTo - 1)}`)).body.position as number;
    expect(projectedAfterSwitch).toBeGreaterThan(filledThrough);
    expect(await activeBucketOf(nats, VIEW)).toMatchObject({ bucket: greenBucketName(VIEW) });
    expect(hotel.view(BOOKING_BOARD).projector.bucketName).toBe(greenBucketName(VIEW));
    expect(await bucketExists(nats, bucketName(VIEW))).toBe(false);
    expect(await viewDiscrepancies(nats)).toEqual([]);
    await expectLiveEqualsBucket(greenBucketName(VIEW));

    await hotel.restartApp();
    expect(hotel.view(BOOKING_BOARD).projector.bucketName).toBe(greenBucketName(VIEW));
    let after = 0;
    await load(5_000, 2, () => after++ >= 20);
    expect(await (await nats.kvm.open(greenBucketName(VIEW))).get(`1.${date(5_000)}`)).not.toBeNull();
    expect(await bucketExists(nats, bucketName(VIEW))).toBe(false);

    const back = await cli(hotel.nats.url, 'rebuild', VIEW, '--keep-old');
    expect(back).toMatchObject({ code: 0, stdout: expect.stringContaining(`${greenBucketName(VIEW)} -> ${bucketName(VIEW)}`) });
    await settle();
    expect(hotel.view(BOOKING_BOARD).projector.bucketName).toBe(bucketName(VIEW));
    expect((await nats.jsm.streams.info(`KV_${greenBucketName(VIEW)}`)).config.sealed).toBe(true);
    await load(6_000, 1, () => after++ >= 30);
    await settle();
    expect(await viewDiscrepancies(nats)).toEqual([]);

    const third = await cli(hotel.nats.url, 'rebuild', VIEW, '--grace', '0');
    expect(third).toMatchObject({ code: 0, stdout: expect.stringContaining(`${bucketName(VIEW)} -> ${greenBucketName(VIEW)}`) });
    await load(7_000, 1, () => after++ >= 40);
    await settle();
    expect(hotel.view(BOOKING_BOARD).projector.bucketName).toBe(greenBucketName(VIEW));
    expect(await viewDiscrepancies(nats)).toEqual([]);
  }, 180_000);

  /**
   * The live client saw revisions only grow across the switch, and its last value of every key is the
   * bucket's: the rebuilt bucket's values came again, above every revision sent before.
   */
  const expectLiveEqualsBucket = async (bucket: string): Promise<void> => {
    const kv = await nats.kvm.open(bucket);
    const expected = new Map<string, number>();
    for await (const key of await kv.keys()) expected.set(key, decodeViewEntry(await kv.get(key))?.position ?? 0);
    const latest = (): Map<string, number> => new Map(live.values('all').map((message) => [message.key, message.value?.position ?? 0]));
    await live.next(() => [...expected].every(([key, position]) => latest().get(key) === position));
    const revisions = live.values('all').map((message: ValueMessage) => message.revision);
    expect(revisions.every((revision, index) => index === 0 || revision > (revisions[index - 1] ?? 0))).toBe(true);
    expect(latest()).toEqual(expected);
  };
});
