import { startNatsTestServer, type NatsTestServer } from '@libs/testing/nats-test-server';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { NatsClient } from '@adapter/nats/nats.client';
import { AppProcess, showingAppOutput } from './app-process';
import { BookingLoad } from './booking-load';
import { convergence, eventually } from './convergence';

describe('two app instances on one NATS', () => {
  let nats: NatsTestServer;
  let apps: AppProcess[] = [];
  let loads: BookingLoad[] = [];
  let observer: NatsClient | undefined;

  beforeEach(async () => {
    nats = await startNatsTestServer();
    observer = await NatsClient.connect({ servers: nats.url, name: 'faults-observer' });
  });

  afterEach(async () => {
    await Promise.all(loads.map((load) => load.stop()));
    await Promise.all(apps.map((app) => app.kill()));
    await observer?.close();
    await nats.dispose();
    [apps, loads, observer] = [[], [], undefined];
  });

  it('end with views equal to a replay, and the bot fires once per booking, with the load split over both', () =>
    showingAppOutput(
      () => apps,
      async () => {
        apps = await Promise.all(['app-a', 'app-b'].map((name) => AppProcess.start(name, nats.url)));
        loads = apps.map((app, index) => BookingLoad.start(app.baseUrl, { concurrency: 10, offset: index * 50_000 }));
        const acknowledged = () => loads.map((load) => load.acknowledged().length);
        await eventually(() => acknowledged().every((count) => count >= 400), 'each instance to book 400 room-days', 90_000);
        const outcomes = (await Promise.all(loads.map((load) => load.stop()))).flat();

        expect(new Set(outcomes.map(({ status }) => status))).toEqual(new Set([201]));
        const consumers = [];
        for await (const info of observer!.jsm.consumers.list(HOTEL_STREAM.name)) if (info.config.durable_name) consumers.push(info.name);
        expect(consumers).toEqual(['automation-schedule-cleaning']);
        const result = await convergence(observer!, outcomes);
        expect(result).toEqual({ bookings: [], cleanings: [], views: [], deadLetters: 0, storedBookings: outcomes.length });
      },
    ),
  120_000);
});
