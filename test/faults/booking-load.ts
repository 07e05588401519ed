import { setTimeout as sleep } from 'node:timers/promises';
import { DeliverPolicy, jetstream, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { decodeEvents } from '@adapter/event-store/cloudevent.codec';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import { booking } from '@test/hotel.requests';

/** One booking sent by the load, and what the app answered (status 0: no answer before the client gave up). */
export interface BookingOutcome {
  readonly index: number;
  readonly subject: string;
  readonly status: number;
  readonly ms: number;
}

export interface BookingLoadOptions {
  /** Requests in flight at any time. */
  readonly concurrency: number;
  /** Registered rooms to spread the bookings over (the demo hotel has 1 to 5). */
  readonly rooms?: number;
  /** The first booked date; each round of rooms books the next day. */
  readonly firstDate?: string;
  readonly headers?: Record<string, string>;
  /** A request without an answer after this long counts as status 0. */
  readonly requestTimeoutMs?: number;
  /** Lets tests index bookings of several loads apart. */
  readonly offset?: number;
}

/**
 * Clients booking distinct room-days over HTTP as fast as the app answers, until stopped,
 * recording every answer; the record is what fault tests check the streams against.
 */
export class BookingLoad {
  readonly outcomes: BookingOutcome[] = [];
  private next: number;
  private running = true;
  private readonly workers: Promise<void>[];

  private constructor(
    private readonly baseUrl: () => string,
    private readonly options: BookingLoadOptions,
  ) {
    this.next = options.offset ?? 0;
    this.workers = Array.from({ length: options.concurrency }, () => this.work());
  }

  /** `baseUrl` is asked before every request, so a load can follow an app that restarts on another port. */
  static start(baseUrl: string | (() => string), options: BookingLoadOptions): BookingLoad {
    return new BookingLoad(typeof baseUrl === 'string' ? () => baseUrl : baseUrl, options);
  }

  /** Stops sending and waits for the answers of the requests in flight. */
  async stop(): Promise<BookingOutcome[]> {
    this.running = false;
    await Promise.all(this.workers);
    return this.outcomes;
  }

  /** Waits until at least `count` answers have come in. */
  async answered(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.outcomes.length < count) {
      if (Date.now() > deadline) throw new Error(`the load got ${this.outcomes.length} answers, not ${count}, within ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  acknowledged(): BookingOutcome[] {
    return this.outcomes.filter(({ status }) => status >= 200 && status < 300);
  }

  private async work(): Promise<void> {
    const rooms = this.options.rooms ?? 5;
    const first = Date.parse(`${this.options.firstDate ?? '2030-01-01'}T00:00:00Z`);
    while (this.running) {
      const index = this.next++;
      const room = 1 + (index % rooms);
      const date = new Date(first + Math.floor(index / rooms) * 86_400_000).toISOString().slice(0, 10);
      const started = performance.now();
      const status = await this.send(booking(room, `load-${index}`, date));
      this.outcomes.push({ index, subject: roomDaySubject(String(room), date), status, ms: performance.now() - started });
      if (status === 0 || status >= 500) await sleep(50);
    }
  }

  private async send(body: unknown): Promise<number> {
    try {
      const response = await fetch(`${this.baseUrl()}/mutation/book-room`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...this.options.headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 15_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }
}

/** How many RoomBooked events each room-day subject holds, read from the stream's leader with an ordered consumer. */
export const storedBookings = async (connection: NatsConnection, jsm: JetStreamManager): Promise<Map<string, number>> => {
  const last = (await jsm.streams.info(HOTEL_STREAM.name)).state.last_seq;
  const counts = new Map<string, number>();
  if (last === 0) return counts;
  const consumer = await jetstream(connection).consumers.get(HOTEL_STREAM.name, { deliver_policy: DeliverPolicy.All });
  const messages = await consumer.consume();
  for await (const message of messages) {
    for (const { event } of decodeEvents(HOTEL_STREAM, { subject: message.subject, sequence: message.seq, body: message.string() })) {
      if (event.type === 'RoomBooked') counts.set(message.subject, (counts.get(message.subject) ?? 0) + 1);
    }
    if (message.seq >= last) break;
  }
  await messages.close();
  return counts;
};

/** What the stream holds against what the clients were told: every acknowledged booking exactly once, no room-day twice. */
export const bookingDiscrepancies = (outcomes: readonly BookingOutcome[], stored: ReadonlyMap<string, number>): string[] => [
  ...outcomes
    .filter(({ status }) => status >= 200 && status < 300)
    .filter(({ subject }) => stored.get(subject) !== 1)
    .map(({ subject, index }) => `booking ${index} on ${subject} was acknowledged but is stored ${stored.get(subject) ?? 0} times`),
  ...[...stored].filter(([, count]) => count > 1).map(([subject, count]) => `${subject} holds ${count} bookings`),
];
