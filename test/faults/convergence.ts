import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { DeliverPolicy, type ConsumerInfo } from '@nats-io/jetstream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { decodeEvents } from '@adapter/event-store/cloudevent.codec';
import type { NatsClient } from '@adapter/nats/nats.client';
import { KvProjector } from '@adapter/projection/kv-projector';
import { activeBucketOf } from '@adapter/projection/view-rebuild';
import { parseViewEntry } from '@adapter/projection/view-store';
import { viewsOf } from '@libs/event-model/board';
import { BOARDS } from '@app/boards';
import { bookingDiscrepancies, type BookingOutcome } from './booking-load';
import { viewsBehind } from './view-progress';

/** A view of the app's boards: its name, and its rebuild from the stream into a given bucket, as the product replays it. */
const VIEWS = viewsOf(BOARDS).map((view) => ({
  name: view.name,
  stream: view.stream.name,
  subjects: view.subjects,
  replayInto: (nats: NatsClient, bucket: string): Promise<number> =>
    new KvProjector(nats, { stream: view.stream, filterSubject: view.subjects, projection: view.projection }).replayInto(bucket),
}));

/** Polls `condition` until it holds; `describe` says what was awaited, for the error. */
export const eventually = async (condition: () => boolean | Promise<boolean>, describe: string, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${describe}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
};

/**
 * Waits until the views and automations have handled everything the stream holds: the bot's durable
 * consumer has nothing pending and nothing unacknowledged, every view's checkpoint reached the last
 * message it reads, and no new event came in meanwhile (an automation's command lands before its
 * trigger is acknowledged).
 */
export const settled = async (nats: NatsClient, timeoutMs = 90_000): Promise<void> => {
  let busy: string[] = [];
  await eventually(
    async () => {
      try {
        const before = (await nats.jsm.streams.info(HOTEL_STREAM.name)).state.last_seq;
        const consumers: ConsumerInfo[] = [];
        for await (const info of nats.jsm.consumers.list(HOTEL_STREAM.name)) consumers.push(info);
        busy = [
          ...consumers
            .filter((info) => info.num_pending > 0 || info.num_ack_pending > 0)
            .map((info) => `${info.name}: ${info.num_pending} pending, ${info.num_ack_pending} unacknowledged`),
          ...(await viewsBehind(nats.jsm, nats.kvm)),
        ];
        const after = (await nats.jsm.streams.info(HOTEL_STREAM.name)).state.last_seq;
        return consumers.length >= 1 && busy.length === 0 && before === after;
      } catch {
        return false;
      }
    },
    'the bot and the views to settle',
    timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message} (${busy.join('; ') || 'stream still growing or the bot consumer missing'})`);
  });
};

interface RawMessage {
  readonly subject: string;
  readonly seq: number;
  readonly body: string;
}

/** Every message a stream holds, in order, read with an ordered consumer. */
const streamMessages = async (nats: NatsClient, stream: string): Promise<RawMessage[]> => {
  const last = (await nats.jsm.streams.info(stream)).state.last_seq;
  const found: RawMessage[] = [];
  if (last === 0) return found;
  const consumer = await nats.js.consumers.get(stream, { deliver_policy: DeliverPolicy.All });
  const messages = await consumer.consume();
  for await (const message of messages) {
    found.push({ subject: message.subject, seq: message.seq, body: message.string() });
    if (message.seq >= last) break;
  }
  await messages.close();
  return found;
};

/** The event types each subject of `HOTEL` holds, in stream order. */
export const storedEventTypes = async (nats: NatsClient): Promise<Map<string, string[]>> => {
  const types = new Map<string, string[]>();
  for (const message of await streamMessages(nats, HOTEL_STREAM.name)) {
    const events = decodeEvents<HotelEvent>(HOTEL_STREAM, { subject: message.subject, sequence: message.seq, body: message.body });
    types.set(message.subject, [...(types.get(message.subject) ?? []), ...events.map(({ event }) => event.type)]);
  }
  return types;
};

/** The bot's work against the bookings: exactly one `CleanupScheduled` on every booked room-day, none elsewhere. */
export const cleaningDiscrepancies = (stored: ReadonlyMap<string, readonly string[]>): string[] =>
  [...stored]
    .map(([subject, types]) => ({ subject, booked: count(types, 'RoomBooked'), scheduled: count(types, 'CleanupScheduled') }))
    .filter(({ booked, scheduled }) => scheduled !== (booked > 0 ? 1 : 0))
    .map(({ subject, booked, scheduled }) => `${subject} has ${booked} booking(s) and ${scheduled} cleaning(s) scheduled`);

const count = (types: readonly string[], type: string): number => types.filter((each) => each === type).length;

/** A view bucket as kept: each key's latest `{view, position}`, and the positions of every revision still held. */
interface BucketContents {
  readonly latest: Map<string, { view: unknown; position: number }>;
  readonly positions: Map<string, number[]>;
}

const bucketContents = async (nats: NatsClient, bucket: string): Promise<BucketContents> => {
  const prefix = `$KV.${bucket}.`;
  const latest = new Map<string, { view: unknown; position: number }>();
  const positions = new Map<string, number[]>();
  for (const message of await streamMessages(nats, `KV_${bucket}`)) {
    const key = message.subject.slice(prefix.length);
    if (message.body === '') {
      latest.delete(key);
      continue;
    }
    const { view, position } = parseViewEntry(message.body);
    latest.set(key, { view, position });
    positions.set(key, [...(positions.get(key) ?? []), position]);
  }
  return { latest, positions };
};

/**
 * Each live view (its active bucket) against a rebuild from the stream into a fresh bucket, by the product's own
 * replay: same keys, same documents, same positions. And no document was written twice for one
 * stream position, or went back: the positions of a key's revisions strictly increase.
 */
export const viewDiscrepancies = async (nats: NatsClient): Promise<string[]> => {
  const found: string[] = [];
  for (const view of VIEWS) {
    const live = await bucketContents(nats, (await activeBucketOf(nats, view.name)).bucket);
    const rebuilt = `replay-${view.name}-${randomUUID().slice(0, 8)}`;
    await view.replayInto(nats, rebuilt);
    const replayed = await bucketContents(nats, rebuilt);
    const read = await nats.jsm.streams.getMessage(view.stream, { last_by_subj: view.subjects }).catch(() => null);
    if (replayed.latest.size === 0 && read !== null) found.push(`${view.name}: the replay holds no document, though its stream holds events for it`);
    for (const key of new Set([...live.latest.keys(), ...replayed.latest.keys()])) {
      const [mine, theirs] = [JSON.stringify(live.latest.get(key)), JSON.stringify(replayed.latest.get(key))];
      if (mine !== theirs) found.push(`${view.name} ${key}: live ${mine ?? 'missing'}, replayed ${theirs ?? 'missing'}`);
    }
    for (const [key, kept] of live.positions) {
      if (kept.some((position, index) => index > 0 && position <= (kept[index - 1] ?? 0))) {
        found.push(`${view.name} ${key}: revisions at positions ${kept.join(', ')}`);
      }
    }
    await nats.kvm.create(rebuilt).then((kv) => kv.destroy());
  }
  return found;
};

/** Everything a fault test checks once the consumers settled, each list empty when all holds. */
export interface Convergence {
  /** Acknowledged bookings not stored exactly once, and room-days booked twice. */
  readonly bookings: string[];
  /** Booked room-days without exactly one scheduled cleaning. */
  readonly cleanings: string[];
  /** Live views that differ from their replay, or hold a document written twice. */
  readonly views: string[];
  /** Messages a consumer gave up on. */
  readonly deadLetters: number;
  /** RoomBooked events stored, for the test to check the load did something. */
  readonly storedBookings: number;
}

export const convergence = async (nats: NatsClient, outcomes: readonly BookingOutcome[]): Promise<Convergence> => {
  await settled(nats);
  const stored = await storedEventTypes(nats);
  const bookings = new Map([...stored].map(([subject, types]) => [subject, count(types, 'RoomBooked')]));
  return {
    bookings: bookingDiscrepancies(outcomes, bookings),
    cleanings: cleaningDiscrepancies(stored),
    views: await viewDiscrepancies(nats),
    deadLetters: (await nats.jsm.streams.info(DEAD_LETTER_STREAM.name)).state.messages,
    storedBookings: [...bookings.values()].reduce((sum, each) => sum + each, 0),
  };
};
