import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import type { NatsClient } from '@adapter/nats/nats.client';
import { startJetStream, type JetStreamFixture } from '@test/jetstream.fixture';
import { ServiceUnavailable } from '@libs/errors/domain-error';
import { JetStreamEventStore } from './jetstream-event-store';
import { CLOUDEVENT_BATCH_CONTENT_TYPE } from './cloudevent.codec';

/** What only the JetStream store does; what every store does is its contract (jetstream-event-store.contract.int.spec.ts). */
describe('JetStream event store', () => {
  let fixture: JetStreamFixture;
  let nats: NatsClient;
  let store: JetStreamEventStore;
  const context = { source: '/test', correlationId: 'correlation', causationId: 'cause' };
  const booked = (clientId: string): HotelEvent => ({ type: 'RoomBooked', data: { roomId: '1', clientId, date: '2022-12-12' } });

  beforeAll(async () => {
    fixture = await startJetStream();
    ({ nats, store } = fixture);
  });

  afterAll(async () => {
    await fixture.dispose();
  });

  it('stores the events of one decision in one message, all or none', async () => {
    const subject = 'hotel.room-day.r4.2022-12-12';
    const day = { roomId: 'r4', date: '2022-12-12' };
    const appended = await store.append<HotelEvent>(
      HOTEL_STREAM,
      subject,
      [
        { type: 'RoomCleanedUp', data: { ...day, team: 'blue' } },
        { type: 'RoomAvailable', data: day },
      ],
      { ...context, expectedSequence: 0 },
    );
    const stored = await nats.jsm.direct.getMessage(HOTEL_STREAM.name, { seq: appended.sequence });
    expect(stored?.header.get('Content-Type')).toBe(CLOUDEVENT_BATCH_CONTENT_TYPE);
    const { events } = await store.read<HotelEvent>(HOTEL_STREAM, subject);
    expect(events.map(({ event, metadata }) => [event.type, metadata.sequence])).toEqual([
      ['RoomCleanedUp', appended.sequence],
      ['RoomAvailable', appended.sequence],
    ]);
  });

  it('waits for a leader that has not applied an entity up to a known sequence, and answers 503 when the budget runs out', async () => {
    const subject = 'hotel.room-day.r5.2022-12-12';
    const first = await store.append(HOTEL_STREAM, subject, [booked('1')], { ...context, expectedSequence: 0 });
    const impatient = new JetStreamEventStore(nats, { retryBudgetMs: 300 });
    expect((await impatient.read(HOTEL_STREAM, subject, 0, { through: first.sequence })).lastSequence).toBe(first.sequence);

    const later = impatient.read<HotelEvent>(HOTEL_STREAM, subject, 0, { through: first.sequence + 1 });
    await expect(later).rejects.toBeInstanceOf(ServiceUnavailable);

    const patient = store.read<HotelEvent>(HOTEL_STREAM, subject, 0, { through: first.sequence + 1 });
    const second = await store.append(HOTEL_STREAM, subject, [booked('2')], { ...context, expectedSequence: first.sequence });
    expect(second.sequence).toBe(first.sequence + 1);
    expect((await patient).events.map(({ event }) => event.type === 'RoomBooked' && event.data.clientId)).toEqual(['1', '2']);
  });

  it('reads an entity from where it begins, with what other writers appended after', async () => {
    const subject = 'hotel.room-day.r6.2022-12-12';
    const clients = async (reader: JetStreamEventStore): Promise<string[]> =>
      (await reader.read<HotelEvent>(HOTEL_STREAM, subject)).events.map(({ event }) => (event.type === 'RoomBooked' ? event.data.clientId : event.type));
    const first = await store.append(HOTEL_STREAM, subject, [booked('1')], { ...context, expectedSequence: 0 });
    const other = new JetStreamEventStore(nats);
    const second = await other.append(HOTEL_STREAM, subject, [booked('2')], { ...context, expectedSequence: first.sequence });
    await other.append(HOTEL_STREAM, subject, [booked('3')], { ...context, expectedSequence: second.sequence });
    expect(await clients(store)).toEqual(['1', '2', '3']);
    expect(await clients(other)).toEqual(['1', '2', '3']);
  });
});
