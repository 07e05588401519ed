import { RuleViolation } from '@libs/errors/domain-error';
import type { Decider } from '@libs/decider/decider';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import { startJetStream, type JetStreamFixture } from '@test/jetstream.fixture';
import { CommandHandler } from '@libs/command/command-handler';
import type { JetStreamEventStore } from './jetstream-event-store';

type Mark = { type: 'Mark'; data: { by: string } };
/** A counter-like entity: every command adds one event, and refuses once three are stored. */
const marks: Decider<Mark, number, RoomDayEvent> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (command, count) => {
    if (count >= 3) throw new RuleViolation('full', 'three marks already');
    return [{ type: 'RoomAvailable', data: { roomId: command.data.by, date: '2022-12-12' } }];
  },
};

describe('command handler across app instances', () => {
  let fixture: JetStreamFixture;
  let store: JetStreamEventStore;
  const context = { correlationId: 'c', causationId: 'c' };
  const handler = (subject: string, emits = ['RoomAvailable']) =>
    new CommandHandler(store, '/test', { stream: HOTEL_STREAM, decider: marks, events: emits, entity: () => subject });

  beforeAll(async () => {
    fixture = await startJetStream();
    ({ store } = fixture);
  });

  afterAll(async () => {
    await fixture.dispose();
  });

  it('decides again on fresh state when its cached state is stale', async () => {
    const subject = 'hotel.room-day.h1.2022-12-12';
    const [first, second] = [handler(subject), handler(subject)];
    await first.handle({ type: 'Mark', data: { by: 'a' } }, context);
    await second.handle({ type: 'Mark', data: { by: 'b' } }, context);
    const decision = await first.handle({ type: 'Mark', data: { by: 'a' } }, context);
    expect(decision.state).toBe(3);
    expect((await store.read(HOTEL_STREAM, subject)).events).toHaveLength(3);
  });

  it('does not refuse on a stale cached state, only on fresh state', async () => {
    const subject = 'hotel.room-day.h2.2022-12-12';
    const [first, second] = [handler(subject), handler(subject)];
    await first.handle({ type: 'Mark', data: { by: 'a' } }, context);
    await first.handle({ type: 'Mark', data: { by: 'a' } }, context);
    await second.handle({ type: 'Mark', data: { by: 'b' } }, context);
    await expect(first.handle({ type: 'Mark', data: { by: 'a' } }, context)).rejects.toMatchObject({ code: 'full' });
    expect((await store.read(HOTEL_STREAM, subject)).events).toHaveLength(3);
  });

  it('never lets concurrent instances store more than the rule allows', async () => {
    const subject = 'hotel.room-day.h3.2022-12-12';
    const instances = Array.from({ length: 6 }, () => handler(subject));
    const results = await Promise.allSettled(instances.flatMap((instance) => [1, 2].map(() => instance.handle({ type: 'Mark', data: { by: 'x' } }, context))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect((await store.read(HOTEL_STREAM, subject)).events).toHaveLength(3);
  });

  it('stores nothing when the decider decides an event its slice declaration does not list', async () => {
    const subject = 'hotel.room-day.h4.2022-12-12';
    await expect(handler(subject, ['RoomBooked']).handle({ type: 'Mark', data: { by: 'a' } }, context)).rejects.toThrow(
      '/test decided RoomAvailable, which its slice declaration does not list',
    );
    expect((await store.read(HOTEL_STREAM, subject)).events).toHaveLength(0);
  });
});
