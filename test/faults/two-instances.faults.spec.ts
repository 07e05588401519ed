import { HOTEL_STREAM } from '@stream/hotel.stream';
import { showingAppOutput } from './app-process';
import { convergence, eventually } from './convergence';
import { FaultRig } from './fault-rig';

describe('two app instances on one NATS', () => {
  let rig: FaultRig;

  beforeEach(async () => {
    rig = await FaultRig.start();
  });

  afterEach(() => rig.dispose());

  it('end with views equal to a replay, and the bot fires once per booking, with the load split over both', () =>
    showingAppOutput(
      () => rig.apps,
      async () => {
        const apps = await Promise.all(['app-a', 'app-b'].map((name) => rig.app(name)));
        const loads = apps.map((app, index) => rig.load(app.baseUrl, { concurrency: 10, offset: index * 50_000 }));
        const observer = await rig.observe();
        const acknowledged = () => loads.map((load) => load.acknowledged().length);
        await eventually(() => acknowledged().every((count) => count >= 400), 'each instance to book 400 room-days', 90_000);
        const outcomes = (await Promise.all(loads.map((load) => load.stop()))).flat();

        expect(new Set(outcomes.map(({ status }) => status))).toEqual(new Set([201]));
        const consumers = [];
        for await (const info of observer.jsm.consumers.list(HOTEL_STREAM.name)) if (info.config.durable_name) consumers.push(info.name);
        expect(consumers).toEqual(['automation-schedule-cleaning']);
        const result = await convergence(observer, outcomes);
        expect(result).toEqual({ bookings: [], cleanings: [], views: [], deadLetters: 0, storedBookings: outcomes.length });
      },
    ),
  120_000);
});
