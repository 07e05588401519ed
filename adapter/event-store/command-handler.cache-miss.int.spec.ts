import { headers as natsHeaders } from '@nats-io/nats-core';
import { RuleViolation } from '@libs/errors/domain-error';
import type { Decider } from '@libs/decider/decider';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import { startJetStream, type JetStreamFixture } from '@test/jetstream.fixture';
import { encodeEvents } from './cloudevent.codec';
import { CommandCounters } from '@libs/command/command-counters';
import { CommandHandler } from '@libs/command/command-handler';

type Visit = { type: 'Enter' | 'Leave' | 'EvenOut'; data: { by: string } };
const passage = (by: string): RoomDayEvent => ({ type: 'RoomAvailable', data: { roomId: by, date: '2022-12-12' } });
/**
 * The state is how many passages an entity has seen. `Leave` is refused while there are none, and
 * `EvenOut` adds one only when their number is odd: both answers differ between the initial state
 * and an entity that has events.
 */
const visits: Decider<Visit, number, RoomDayEvent> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (command, count) => {
    if (command.type === 'Leave' && count === 0) throw new RuleViolation('nobody-inside', 'nobody entered');
    if (command.type === 'EvenOut' && count % 2 === 0) return [];
    return [passage(command.data.by)];
  },
};

describe('command handler on an entity it has not cached', () => {
  let fixture: JetStreamFixture;
  const context = { correlationId: 'c', causationId: 'c' };
  const instance = (subject: string) => {
    const counters = new CommandCounters();
    const handler = new CommandHandler(fixture.store, '/test', { stream: HOTEL_STREAM, decider: visits, events: ['RoomAvailable'], entity: () => subject }, { counters });
    return { handler, counts: counters.of('/test') };
  };
  const stored = async (subject: string) => (await fixture.store.read(HOTEL_STREAM, subject)).events.length;

  beforeAll(async () => {
    fixture = await startJetStream();
  });

  afterAll(async () => {
    await fixture.dispose();
  });

  it('appends to a new entity without reading it first', async () => {
    const subject = 'hotel.room-day.m1.2022-12-12';
    const { handler, counts } = instance(subject);
    const decision = await handler.handle({ type: 'Enter', data: { by: 'a' } }, context);
    expect(decision).toMatchObject({ state: 1, sequence: expect.any(Number) as number });
    expect(counts).toEqual({ handled: 1, retried: 0, reads: 0, eventsRead: 0 });
    expect(await stored(subject)).toBe(1);
  });

  it('decides again on the read state when the entity was created moments ago by another instance', async () => {
    const subject = 'hotel.room-day.m2.2022-12-12';
    await instance(subject).handler.handle({ type: 'Enter', data: { by: 'a' } }, context);
    const { handler, counts } = instance(subject);
    const decision = await handler.handle({ type: 'Enter', data: { by: 'b' } }, context);
    expect(decision.state).toBe(2);
    expect(counts).toEqual({ handled: 1, retried: 1, reads: 1, eventsRead: 1 });
    expect(await stored(subject)).toBe(2);
  });

  it('decides again on the read state when the entity was written outside the duplicate window', async () => {
    const subject = 'hotel.room-day.m3.2022-12-12';
    for (const by of ['a', 'b']) {
      // No Nats-Msg-Id: as if written more than two minutes ago, so only the expected sequence refuses the append at 0.
      const encoded = encodeEvents(HOTEL_STREAM, [passage(by)], [`old-${by}`], { source: '/test', subject, ...context });
      const headers = natsHeaders();
      headers.set('Content-Type', encoded.contentType);
      await fixture.nats.js.publish(subject, encoded.body, { headers });
    }
    const { handler, counts } = instance(subject);
    const decision = await handler.handle({ type: 'Enter', data: { by: 'c' } }, context);
    expect(decision.state).toBe(3);
    expect(counts).toEqual({ handled: 1, retried: 1, reads: 1, eventsRead: 2 });
    expect(await stored(subject)).toBe(3);
  });

  it('does not refuse on a state it has not read: it reads, and the entity allows the command', async () => {
    const subject = 'hotel.room-day.m4.2022-12-12';
    await instance(subject).handler.handle({ type: 'Enter', data: { by: 'a' } }, context);
    const { handler, counts } = instance(subject);
    await expect(handler.handle({ type: 'Leave', data: { by: 'b' } }, context)).resolves.toMatchObject({ state: 2 });
    expect(counts).toEqual({ handled: 1, retried: 0, reads: 1, eventsRead: 1 });
    expect(await stored(subject)).toBe(2);
  });

  it('refuses once the read state confirms the refusal, writing nothing', async () => {
    const subject = 'hotel.room-day.m5.2022-12-12';
    const { handler, counts } = instance(subject);
    await expect(handler.handle({ type: 'Leave', data: { by: 'a' } }, context)).rejects.toMatchObject({ code: 'nobody-inside' });
    expect(counts).toEqual({ handled: 1, retried: 0, reads: 1, eventsRead: 0 });
    expect(await stored(subject)).toBe(0);
  });

  it('does not answer a no-op on a state it has not read: it reads, and appends what the entity needs', async () => {
    const subject = 'hotel.room-day.m6.2022-12-12';
    await instance(subject).handler.handle({ type: 'Enter', data: { by: 'a' } }, context);
    const { handler } = instance(subject);
    const decision = await handler.handle({ type: 'EvenOut', data: { by: 'b' } }, context);
    expect(decision).toMatchObject({ state: 2, events: [expect.anything()] });
    expect(await stored(subject)).toBe(2);
  });

  it('answers a no-op confirmed on the read state with the entity as it is', async () => {
    const subject = 'hotel.room-day.m7.2022-12-12';
    const first = await instance(subject).handler.handle({ type: 'Enter', data: { by: 'a' } }, context);
    await instance(subject).handler.handle({ type: 'Enter', data: { by: 'b' } }, context);
    const { handler, counts } = instance(subject);
    const decision = await handler.handle({ type: 'EvenOut', data: { by: 'c' } }, context);
    expect(decision).toMatchObject({ state: 2, events: [], sequence: first.sequence + 1 });
    expect(counts).toEqual({ handled: 1, retried: 0, reads: 1, eventsRead: 2 });
    expect(await stored(subject)).toBe(2);
  });

  it('reads at once, and decides once, when an automation\'s cause is stored on the entity it has no state of', async () => {
    const subject = 'hotel.room-day.m8.2022-12-12';
    const cause = await instance(subject).handler.handle({ type: 'Enter', data: { by: 'a' } }, context);
    let decisions = 0;
    const counted: Decider<Visit, number, RoomDayEvent> = { ...visits, decide: (command, count) => (decisions++, visits.decide(command, count)) };
    const counters = new CommandCounters();
    const handler = new CommandHandler(fixture.store, '/test', { stream: HOTEL_STREAM, decider: counted, events: ['RoomAvailable'], entity: () => subject }, { counters });
    const decision = await handler.handle({ type: 'Leave', data: { by: 'b' } }, { ...context, causedAt: { subject, sequence: cause.sequence } });
    expect(decision.state).toBe(2);
    expect(decisions).toBe(1);
    expect(counters.of('/test')).toEqual({ handled: 1, retried: 0, reads: 1, eventsRead: 1 });
  });

  it('reads on past an automation\'s cause when its reaction is already stored after it, and stores it only once', async () => {
    const subject = 'hotel.room-day.m9.2022-12-12';
    const cause = await instance(subject).handler.handle({ type: 'Enter', data: { by: 'a' } }, context);
    await instance(subject).handler.handle({ type: 'Enter', data: { by: 'reaction' } }, context);
    const { handler, counts } = instance(subject);
    const redelivered = await handler.handle({ type: 'EvenOut', data: { by: 'reaction' } }, { ...context, causedAt: { subject, sequence: cause.sequence } });
    expect(redelivered).toMatchObject({ state: 2, events: [] });
    expect(counts.reads).toBe(2);
    expect(await stored(subject)).toBe(2);
  });
});
