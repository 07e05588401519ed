import { HOTEL_STREAM } from '@stream/hotel.stream';
import { showingAppOutput } from './app-process';
import { convergence, eventually } from './convergence';
import { FaultRig } from './fault-rig';

describe('an app crash under load', () => {
  let rig: FaultRig;

  beforeEach(async () => {
    rig = await FaultRig.start();
  });

  afterEach(() => rig.dispose());

  it('loses no acknowledged booking, applies no event twice to a view, and fires the bot once per booking', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const running = await rig.app('app');
        const observer = await rig.observe();
        const bot = () => observer.jsm.consumers.info(HOTEL_STREAM.name, 'automation-schedule-cleaning');
        const booked = rig.load(() => running.baseUrl, { concurrency: 20 });
        await eventually(() => booked.acknowledged().length >= 400, 'the load to book 400 room-days', 60_000);

        await eventually(async () => (await bot()).num_ack_pending >= 20, 'the bot to hold 20 bookings');
        await running.kill();
        const held = await bot();
        await running.start();
        const restartedAt = booked.outcomes.length;
        await eventually(() => booked.outcomes.slice(restartedAt).some(({ status }) => status === 201), 'a 201 after the restart', 60_000);
        const before = booked.acknowledged().length;
        await eventually(() => booked.acknowledged().length >= before + 300, 'the load to book 300 more room-days', 60_000);
        const outcomes = await booked.stop();

        // The kill lands while the bot holds 20 or more messages; acknowledgements already on the wire
        // still arrive after it, so what the crash really left unacknowledged is counted afterwards.
        expect(held.num_ack_pending).toBeGreaterThan(0);
        expect([...new Set(outcomes.map(({ status }) => status))].sort()).toEqual([0, 201]);
        const result = await convergence(observer, outcomes);
        expect(result).toEqual({ bookings: [], cleanings: [], views: [], deadLetters: 0, storedBookings: expect.any(Number) as number });
        expect(result.storedBookings).toBeGreaterThanOrEqual(booked.acknowledged().length);
      },
    ),
  120_000);
});
