import { describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '@libs/decider/decider';
import { ServiceUnavailable } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { WrongExpectedSequence, type EventStore } from '@libs/event-store/event-store';

type Counted = DomainEvent<'Counted', { counter: string; by: number }>;
type Reset = DomainEvent<'Reset', { counter: string }>;
type CounterEvent = Counted | Reset;

/** The stream the contract writes to: counters, one subject each. A store under test must hold it (file storage on JetStream). */
export const CONTRACT_STREAM: EventStreamDefinition = {
  name: 'STORE_CONTRACT',
  subjects: ['contract.>'],
  typePrefix: 'contract',
  eventTypes: ['Counted', 'Reset'],
  entities: [{ name: 'counter', description: 'A counter.', subject: 'contract.counter.{counter}', params: { counter: 'Its name' }, eventTypes: ['Counted', 'Reset'] }],
};

export interface EventStoreUnderTest {
  /** The store, holding `CONTRACT_STREAM`; reads waiting for a sequence give up within a second. */
  readonly store: () => EventStore;
}

const context = { source: '/contract', correlationId: 'correlation-1', causationId: 'cause-1' };
const counted = (counter: string, by: number): CounterEvent => ({ type: 'Counted', data: { counter, by } });

/**
 * What every event store does, whatever keeps the events: the JetStream store on a real nats-server and
 * the in-memory store run these same cases. Each case writes counters of its own, so one store serves all.
 */
export const describeEventStoreContract = (name: string, underTest: EventStoreUnderTest): void => {
  describe(`${name}: the event store contract`, () => {
    let next = 0;
    const counter = (): { id: string; subject: string } => {
      const id = `c${++next}-${Date.now().toString(36)}`;
      return { id, subject: `contract.counter.${id}` };
    };
    const store = (): EventStore => underTest.store();

    it('reads back what it appended, in order, with where and when it was stored', async () => {
      const { id, subject } = counter();
      const first = await store().append(CONTRACT_STREAM, subject, [counted(id, 1)], { ...context, expectedSequence: 0 });
      const second = await store().append(CONTRACT_STREAM, subject, [counted(id, 2)], { ...context, expectedSequence: first.sequence });
      expect(second.sequence).toBeGreaterThan(first.sequence);
      const { events, lastSequence } = await store().read<CounterEvent>(CONTRACT_STREAM, subject);
      expect(lastSequence).toBe(second.sequence);
      expect(events).toEqual([
        { event: counted(id, 1), metadata: expect.objectContaining({ id: first.eventIds[0], stream: CONTRACT_STREAM.name, subject, sequence: first.sequence, ...ids }) },
        { event: counted(id, 2), metadata: expect.objectContaining({ id: second.eventIds[0], sequence: second.sequence, time: second.time }) },
      ]);
    });

    it('reads nothing of an entity never written, and only what came after a given sequence', async () => {
      const { id, subject } = counter();
      expect(await store().read(CONTRACT_STREAM, subject)).toEqual({ events: [], lastSequence: 0 });
      const first = await store().append(CONTRACT_STREAM, subject, [counted(id, 1)], { ...context, expectedSequence: 0 });
      await store().append(CONTRACT_STREAM, subject, [counted(id, 5)], { ...context, expectedSequence: first.sequence });
      const newer = await store().read<CounterEvent>(CONTRACT_STREAM, subject, first.sequence);
      expect(newer.events.map(({ event }) => event)).toEqual([counted(id, 5)]);
    });

    it('stores the events of one decision under one sequence, all or none', async () => {
      const { id, subject } = counter();
      const appended = await store().append<CounterEvent>(CONTRACT_STREAM, subject, [counted(id, 3), { type: 'Reset', data: { counter: id } }], { ...context, expectedSequence: 0 });
      expect(appended.eventIds).toHaveLength(2);
      const { events } = await store().read<CounterEvent>(CONTRACT_STREAM, subject);
      expect(events.map(({ event, metadata }) => [event.type, metadata.sequence, metadata.id])).toEqual([
        ['Counted', appended.sequence, appended.eventIds[0]],
        ['Reset', appended.sequence, appended.eventIds[1]],
      ]);
    });

    it('refuses an append made on a stale expectation, and stores nothing of it', async () => {
      const { id, subject } = counter();
      const first = await store().append(CONTRACT_STREAM, subject, [counted(id, 1)], { ...context, expectedSequence: 0 });
      await store().append(CONTRACT_STREAM, subject, [counted(id, 2)], { ...context, expectedSequence: first.sequence });
      await expect(store().append(CONTRACT_STREAM, subject, [counted(id, 3)], { ...context, expectedSequence: first.sequence })).rejects.toBeInstanceOf(WrongExpectedSequence);
      await expect(store().append(CONTRACT_STREAM, subject, [counted(id, 3)], { ...context, expectedSequence: 0 })).rejects.toBeInstanceOf(WrongExpectedSequence);
      expect((await store().read(CONTRACT_STREAM, subject)).events).toHaveLength(2);
    });

    it('keeps each entity\'s expectation to its own subject', async () => {
      const one = counter();
      const other = counter();
      const first = await store().append(CONTRACT_STREAM, one.subject, [counted(one.id, 1)], { ...context, expectedSequence: 0 });
      const second = await store().append(CONTRACT_STREAM, other.subject, [counted(other.id, 1)], { ...context, expectedSequence: 0 });
      expect(second.sequence).toBeGreaterThan(first.sequence);
      await expect(store().append(CONTRACT_STREAM, one.subject, [counted(one.id, 2)], { ...context, expectedSequence: first.sequence })).resolves.toMatchObject({ subject: one.subject });
    });

    it('lets exactly one of many concurrent appends on the same expectation win', async () => {
      const { id, subject } = counter();
      const results = await Promise.allSettled(Array.from({ length: 12 }, (_, by) => store().append(CONTRACT_STREAM, subject, [counted(id, by)], { ...context, expectedSequence: 0 })));
      expect(results.filter(({ status }) => status === 'fulfilled')).toHaveLength(1);
      expect(results.every((result) => result.status === 'fulfilled' || result.reason instanceof WrongExpectedSequence)).toBe(true);
      expect((await store().read(CONTRACT_STREAM, subject)).events).toHaveLength(1);
    });

    it('absorbs a retry of the same write (the same event ids at the same expectation): answered as the first, stored once', async () => {
      const { id, subject } = counter();
      const eventIds = [`${id}-event-1`];
      const first = await store().append(CONTRACT_STREAM, subject, [counted(id, 1)], { ...context, expectedSequence: 0, eventIds });
      const retried = await store().append(CONTRACT_STREAM, subject, [counted(id, 1)], { ...context, expectedSequence: 0, eventIds });
      expect(retried).toMatchObject({ sequence: first.sequence, eventIds });
      expect((await store().read(CONTRACT_STREAM, subject)).events.map(({ metadata }) => metadata.id)).toEqual(eventIds);
    });

    it('refuses another writer at the same expectation even while a retry would be absorbed', async () => {
      const { id, subject } = counter();
      await store().append(CONTRACT_STREAM, subject, [counted(id, 1)], { ...context, expectedSequence: 0, eventIds: [`${id}-mine`] });
      await expect(store().append(CONTRACT_STREAM, subject, [counted(id, 1)], { ...context, expectedSequence: 0, eventIds: [`${id}-theirs`] })).rejects.toBeInstanceOf(WrongExpectedSequence);
      expect((await store().read(CONTRACT_STREAM, subject)).events).toHaveLength(1);
    });

    it('fails a read that must reach a sequence the entity has not reached, with a retryable error', async () => {
      const { id, subject } = counter();
      const first = await store().append(CONTRACT_STREAM, subject, [counted(id, 1)], { ...context, expectedSequence: 0 });
      expect((await store().read(CONTRACT_STREAM, subject, 0, { through: first.sequence })).lastSequence).toBe(first.sequence);
      await expect(store().read(CONTRACT_STREAM, subject, 0, { through: first.sequence + 1_000 })).rejects.toBeInstanceOf(ServiceUnavailable);
    });
  });
};

const ids = { correlationId: context.correlationId, causationId: context.causationId };
