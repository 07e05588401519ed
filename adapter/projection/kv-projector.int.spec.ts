import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { Kvm, type KV } from '@nats-io/kv';
import type { RecordedEvent } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { NatsClient } from '@adapter/nats/nats.client';
import { StateCache } from '@libs/cache/state-cache';
import { startJetStream, type JetStreamFixture } from '@test/jetstream.fixture';
import { KvProjector } from './kv-projector';
import { ProjectorLease } from './projector-lease';
import { viewDocuments } from './view-documents';
import { ViewWriter } from './view-writer';
import type { StoredViewEntry } from './view-store';

/** Every sequence applied to a room-day, in the order applied: exactly once and in order shows at a glance. */
interface Applied {
  readonly sequences: readonly number[];
}

const DATE = '2023-03-03';
const applied = (name: string): Projection<HotelEvent, Applied> => ({
  name,
  keyOf: (event) => ('date' in event.data && event.data.date === DATE ? `${event.data.roomId}.${event.data.date}` : undefined),
  evolve: (document, { metadata }) => ({ sequences: [...(document?.sequences ?? []), metadata.sequence] }),
});

const LEASE = { ttlMs: 800, renewMs: 150 };

describe('KV projector: one holder at a time, batched, exactly once in effect', () => {
  let fixture: JetStreamFixture;
  const clients: NatsClient[] = [];

  beforeAll(async () => {
    fixture = await startJetStream();
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
    await fixture.dispose();
  });

  const connect = async (name: string): Promise<NatsClient> => {
    const client = await NatsClient.connect({ servers: fixture.server.url, name });
    clients.push(client);
    return client;
  };

  const projector = async (view: string, name: string, nats?: NatsClient): Promise<KvProjector<HotelEvent, Applied>> => {
    const instance = new KvProjector<HotelEvent, Applied>(nats ?? (await connect(name)), {
      stream: HOTEL_STREAM,
      filterSubject: `hotel.room-day.*.${DATE}`,
      projection: applied(view),
      lease: LEASE,
    });
    await instance.ensure();
    return instance;
  };

  /** Appends `count` events over `rooms` room-days from several writers at once. */
  const appendConcurrently = async (prefix: string, rooms: number, count: number): Promise<void> => {
    let next = 0;
    const writer = async (): Promise<void> => {
      for (let index = next++; index < count; index = next++) {
        const roomId = `${prefix}${index % rooms}`;
        const subject = `hotel.room-day.${roomId}.${DATE}`;
        const last = (await fixture.nats.jsm.streams.getMessage(HOTEL_STREAM.name, { last_by_subj: subject }).catch(() => null))?.seq ?? 0;
        await fixture.store.append<HotelEvent>(HOTEL_STREAM, subject, [{ type: 'RoomAvailable', data: { roomId, date: DATE } }], {
          source: '/test',
          correlationId: 'c',
          causationId: 'c',
          expectedSequence: last,
        });
      }
    };
    await Promise.all(Array.from({ length: 4 }, writer));
  };

  /** Each key's sequences as the stream holds them. */
  const expected = async (prefix: string): Promise<Record<string, number[]>> => {
    const result: Record<string, number[]> = {};
    const consumer = await fixture.nats.js.consumers.get(HOTEL_STREAM.name, { filter_subjects: `hotel.room-day.*.${DATE}` });
    for (let message = await consumer.next({ expires: 1_000 }); message; message = message.info.pending > 0 ? await consumer.next({ expires: 1_000 }) : null) {
      const key = message.subject.split('.').slice(2).join('.');
      if (key.startsWith(prefix)) result[key] = [...(result[key] ?? []), message.seq];
    }
    return result;
  };

  const documents = async (bucket: KV): Promise<Record<string, readonly number[]>> => {
    const result: Record<string, readonly number[]> = {};
    for await (const key of await bucket.keys()) {
      const entry = await bucket.get(key);
      if (entry?.operation === 'PUT') result[key] = entry.json<{ view: Applied }>().view.sequences;
    }
    return result;
  };

  it('two instances on one view, under concurrent appends and a hand-over, end equal to the stream and to a replay', async () => {
    const first = await projector('two-instances', 'first');
    const second = await projector('two-instances', 'second');
    first.start();
    second.start();
    const appending = appendConcurrently('t', 20, 600);
    await sleep(300);
    const holder = first.holdsLease ? first : second;
    const other = holder === first ? second : first;
    expect(first.holdsLease && second.holdsLease).toBe(false);
    await holder.stop();
    holder.start();
    await appending;
    const last = await lastSequence();
    await until(() => first.holdsLease || second.holdsLease);
    await (first.holdsLease ? first : second).waitFor(last, 20_000);
    await other.waitFor(last, 20_000);
    const live = await documents(first.view);
    expect(live).toEqual(await expected('t'));
    await first.replayInto('replay-two-instances');
    expect(await documents(await new Kvm(fixture.nats.connection).open('replay-two-instances'))).toEqual(live);
    await first.stop();
    await second.stop();
  }, 60_000);

  it('a lease renewed twice at once (a timer\'s renewal and the holder\'s own) is still held', async () => {
    const kv = await new Kvm((await connect('lease')).connection).create('lease-renewals');
    const lease = new ProjectorLease(kv, 'lease.renewals', 'holder-1', LEASE);
    expect(await lease.takeUnlessHeld()).toBe(true);
    expect(await Promise.all([lease.renew(), lease.renew(), lease.renew()])).toEqual([true, true, true]);
    expect(lease.held).toBe(true);
    expect(await lease.renew()).toBe(true);
    await kv.put('lease.renewals', 'holder-2');
    expect(await lease.renew()).toBe(false);
  });

  it('a holder that dies without a word is taken over once its lease stops moving', async () => {
    const dying = await connect('dying');
    const first = await projector('takeover', 'first', dying);
    first.start();
    await until(() => first.holdsLease);
    await appendConcurrently('d', 5, 20);
    await first.waitFor(await lastSequence(), 10_000);
    const second = await projector('takeover', 'second');
    second.start();
    await sleep(LEASE.ttlMs * 2);
    expect(second.holdsLease).toBe(false);
    const silence = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await dying.connection.close();
    await until(() => second.holdsLease);
    await appendConcurrently('d', 5, 20);
    await second.waitFor(await lastSequence(), 10_000);
    expect(await documents(second.view)).toEqual(await expected(''));
    await first.stop();
    await second.stop();
    silence.mockRestore();
  }, 60_000);

  it('a former holder waking up with an old batch writes nothing over what the new holder applied', async () => {
    const bucket = await new Kvm(fixture.nats.connection).create('view-stale-writer');
    const documents = viewDocuments(fixture.nats.requests, 'view-stale-writer', bucket);
    const logger = new Logger('test');
    const projection = applied('stale-writer');
    const formerCache = new StateCache<StoredViewEntry<Applied>>(10);
    const former = new ViewWriter(projection, logger, () => true);
    const current = new ViewWriter(projection, logger, () => true);
    const events = (...sequences: number[]): RecordedEvent<HotelEvent>[] =>
      sequences.map((sequence) => ({
        event: { type: 'RoomAvailable', data: { roomId: '1', date: DATE } },
        metadata: { id: `e${sequence}`, stream: 'HOTEL', sequence, subject: `hotel.room-day.1.${DATE}`, time: '', correlationId: 'c', causationId: 'c' },
      }));
    await former.apply(documents, events(10), formerCache);
    await current.apply(documents, events(10, 20, 30));
    const before = await bucket.get(`1.${DATE}`);
    await former.apply(documents, events(20), formerCache);
    await former.apply(documents, events(10, 20), formerCache);
    const after = await bucket.get(`1.${DATE}`);
    expect(after?.revision).toBe(before?.revision);
    expect(after?.json<{ view: Applied }>().view.sequences).toEqual([10, 20, 30]);
  });

  it('writes a key again after it was deleted, at the revision of its delete marker', async () => {
    const bucket = await new Kvm(fixture.nats.connection).create('view-deleted-key');
    const documents = viewDocuments(fixture.nats.requests, 'view-deleted-key', bucket);
    const writer = new ViewWriter(applied('deleted-key'), new Logger('test'), () => true);
    const event = (sequence: number): RecordedEvent<HotelEvent> => ({
      event: { type: 'RoomAvailable', data: { roomId: '1', date: DATE } },
      metadata: { id: `e${sequence}`, stream: 'HOTEL', sequence, subject: `hotel.room-day.1.${DATE}`, time: '', correlationId: 'c', causationId: 'c' },
    });
    await writer.apply(documents, [event(10)]);
    await bucket.delete(`1.${DATE}`);
    await writer.apply(documents, [event(20)]);
    const entry = await bucket.get(`1.${DATE}`);
    expect(entry?.operation).toBe('PUT');
    expect(entry?.json<{ view: Applied }>().view.sequences).toEqual([20]);
  });

  const lastSequence = async (): Promise<number> => (await fixture.nats.jsm.streams.info(HOTEL_STREAM.name)).state.last_seq;
});

const until = async (condition: () => boolean, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
};
