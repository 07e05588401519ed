import { Logger } from '@nestjs/common';
import type { RecordedEvent } from '@libs/decider/decider';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { DEAD_LETTER_STREAM, deadLetterSubject } from '@stream/dead-letter.stream';
import { HOTEL_STREAM, roomDaySubject, roomDaySubjectFilter } from '@stream/hotel.stream';
import { DurableConsumer } from '@adapter/consumer/durable-consumer';
import { startJetStream, type JetStreamFixture } from '@test/jetstream.fixture';
import { cli } from '@test/cli-run';

const DATE = '2032-02-02';

/**
 * The bot gives up on a booking (its handler failing, through the runtime's own dead-lettering), then the CLI
 * re-drives the dead letter: the cleaning is scheduled once, the dead letter removed, and a second re-drive of
 * the same message (as after a crash between the command and the removal) schedules nothing more.
 */
describe('re-driving an automation dead letter', () => {
  let fixture: JetStreamFixture;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    fixture = await startJetStream();
  });

  afterAll(async () => {
    await fixture.dispose();
    Logger.overrideLogger(true);
  });

  const bookRoom = async (roomId: string): Promise<string> => {
    const subject = roomDaySubject(roomId, DATE);
    const appended = await fixture.store.append<HotelEvent>(HOTEL_STREAM, subject, [{ type: 'RoomBooked', data: { roomId, clientId: '5', date: DATE } }], {
      source: '/test',
      correlationId: `booking-${roomId}`,
      causationId: `booking-${roomId}`,
      expectedSequence: 0,
    });
    return appended.eventIds[0] ?? '';
  };

  /** Runs the bot's consumer with a handler that always fails, and gives up at the first failure, until `count` dead letters are there. */
  const failingBot = async (count: number): Promise<void> => {
    const consumer = new DurableConsumer<HotelEvent>(fixture.nats, {
      name: 'automation-schedule-cleaning',
      stream: HOTEL_STREAM,
      filterSubject: roomDaySubjectFilter(),
      handle: () => Promise.reject(new Error('the cleaning planner is down')),
      maxDeliver: 1,
    });
    await consumer.ensure();
    consumer.start();
    await until(async () => (await fixture.nats.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages >= count);
    await consumer.stop();
  };

  const roomDay = async (roomId: string): Promise<RecordedEvent<HotelEvent>[]> => (await fixture.store.read<HotelEvent>(HOTEL_STREAM, roomDaySubject(roomId, DATE))).events;

  it('schedules the cleaning once, removes the dead letter, and fires nothing when the same message comes again', async () => {
    const bookedId = await bookRoom('1');
    await bookRoom('2');
    await failingBot(2);
    const [first = 0, second = 0] = await deadLetterSequences();
    expect(await roomDay('1')).toHaveLength(1);

    const redriven = await cli(fixture.server.url, 'redrive', String(first));
    expect(redriven).toMatchObject({ code: 0, stdout: expect.stringContaining(`re-driven #${first} (automation-schedule-cleaning: HOTEL #`) });
    const scheduled = (await roomDay('1')).filter(({ event }) => event.type === 'CleanupScheduled');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]?.metadata).toMatchObject({ causationId: bookedId, correlationId: 'booking-1' });
    expect(await deadLetterSequences()).toEqual([second]);

    const original = await fixture.nats.jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq: second });
    const headers = natsHeaders();
    for (const [key, values] of original?.header ?? []) if (key !== 'Nats-Msg-Id') for (const value of values) headers.append(key, value);
    const again = await fixture.nats.js.publish(deadLetterSubject('automation-schedule-cleaning'), original?.data, { headers });
    expect(await deadLetterSequences()).toEqual([second, again.seq]);
    expect((await cli(fixture.server.url, 'redrive', '--consumer', 'automation-schedule-cleaning')).code).toBe(0);
    expect(await cli(fixture.server.url, 'redrive', String(again.seq))).toMatchObject({ code: 1, stderr: expect.stringContaining('re-driven already?') });
    expect((await roomDay('2')).filter(({ event }) => event.type === 'CleanupScheduled')).toHaveLength(1);
    expect(await deadLetterSequences()).toEqual([]);
  });

  const deadLetterSequences = async (): Promise<number[]> => {
    const found: number[] = [];
    for (let after = 0; ; ) {
      const message = await fixture.nats.jsm.direct.getMessage(DEAD_LETTER_STREAM.name, { seq: after + 1, next_by_subj: '>' });
      if (!message) return found;
      found.push(message.seq);
      after = message.seq;
    }
  };
});

const until = async (condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
