import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { AckPolicy, DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { KvWatchInclude } from '@nats-io/kv';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { bookingBoard } from '@feature/hotel/booking-board/booking-board.projection';
import { encodeEvents } from '@adapter/event-store/cloudevent.codec';
import { NatsClient } from '@adapter/nats/nats.client';
import { KvProjector } from '@adapter/projection/kv-projector';
import { ensureStream, eventStreamConfig } from '@adapter/topology/topology';
import { BenchStack } from './support/app-process';
import { book } from './support/bookings';
import { drive } from './support/load';
import type { BenchSection } from './support/results';
import { round, summarize, type LatencySummary } from './support/stats';
import { startTempNats } from './support/temp-nats';

export interface ProjectionBenchOptions {
  /** Events preloaded for the catch-up (half bookings, half the bot's cleanings). */
  readonly events: number;
  /** Seconds of open-loop bookings at each load level of the lag measurement. */
  readonly lagSeconds: number;
  readonly loadFractions: readonly number[];
}

interface LagRun {
  readonly fraction: number;
  readonly ratePerSecond: number;
  readonly sent: number;
  readonly lagMs: LatencySummary;
  readonly missing: number;
}

/**
 * (a) A view catching up on a preloaded HOTEL stream, against the raw rate of the same client
 * consuming that stream and putting each message into KV; (b) from a booking's 2xx response to
 * its booking-board document being written, at fractions of the command path's capacity.
 */
export const projectionBench = async (options: ProjectionBenchOptions): Promise<BenchSection> => {
  const catchUp = await catchUpRun(options.events);
  const lag = await lagRuns(options);
  return {
    title: 'Projections: catch-up and command-to-view lag',
    command: `BENCH_PROJECTION_EVENTS=${options.events} npm run bench -- projection`,
    figures: { ...options, catchUp, lag },
    table: [
      ['measure', 'value'],
      ['raw: fetch, KV put, ack (messages/s)', catchUp.rawPerSecond],
      ['view booking-board catch-up (events applied/s)', catchUp.viewPerSecond],
      ['view / raw', catchUp.ratio],
      ['command capacity (bookings/s, closed loop)', lag.capacity],
      ...lag.runs.map((run) => [`lag at ${run.fraction * 100}% (${run.ratePerSecond}/s): p50 / p99 ms`, `${run.lagMs.p50} / ${run.lagMs.p99}`]),
    ],
    notes: [
      `Catch-up: ${options.events} CloudEvents (encoded with the app's codec, published pipelined) on a fresh nats-server (file storage); both readers run in the bench process with one NATS client each, one after the other on the same stream.`,
      'Raw: a durable consumer fetching 1,024 at a time, one KV put per message (all of a fetch in flight at once), then the acks. The view writes one document per booking (the bot\'s CleanupScheduled leaves a booking-board document as it is) and moves its checkpoint after each batch.',
      'Lag: the app as its own process; bookings of distinct room-days sent open-loop at the given rate for the given time; the bench watches the view-booking-board bucket and takes the first value showing the booking. A value written before the response counts as 0 ms.',
    ],
  };
};

const catchUpRun = async (events: number): Promise<{ rawPerSecond: number; viewPerSecond: number; ratio: number }> => {
  const server = await startTempNats('projection');
  const nats = await NatsClient.connect({ servers: server.url, name: 'bench-projection' });
  try {
    await ensureStream(nats, eventStreamConfig(HOTEL_STREAM.name, HOTEL_STREAM.subjects, 1));
    await preload(nats, events);
    const rawPerSecond = await rawRate(nats, events);
    const viewPerSecond = await viewRate(server.url, events);
    return { rawPerSecond: round(rawPerSecond, 0), viewPerSecond: round(viewPerSecond, 0), ratio: round(viewPerSecond / rawPerSecond, 2) };
  } finally {
    await nats.close();
    await server.stop();
  }
};

/** Bookings of distinct room-days, each followed 64 bookings later by its cleaning, as the bot lags. */
const preload = async (nats: NatsClient, events: number): Promise<void> => {
  const bookings = Math.floor(events / 2);
  const inFlight = new Set<Promise<unknown>>();
  const publish = async (event: HotelEvent, roomId: string, date: string): Promise<void> => {
    const subject = roomDaySubject(roomId, date);
    const encoded = encodeEvents(HOTEL_STREAM, [event], [randomUUID()], { source: '/bench', subject, correlationId: 'bench', causationId: 'bench' });
    const headers = natsHeaders();
    headers.set('Content-Type', encoded.contentType);
    const sent = nats.js.publish(subject, encoded.body, { headers }).finally(() => inFlight.delete(sent));
    inFlight.add(sent);
    if (inFlight.size >= 1_024) await Promise.race(inFlight);
  };
  const roomDay = (index: number): [string, string] => [String(index % 500), dateOf(Math.floor(index / 500))];
  for (let index = 0; index < bookings + 64; index++) {
    if (index < bookings) {
      const [roomId, date] = roomDay(index);
      await publish({ type: 'RoomBooked', data: { roomId, date, clientId: 'bench' } }, roomId, date);
    }
    if (index >= 64) {
      const [roomId, date] = roomDay(index - 64);
      await publish({ type: 'CleanupScheduled', data: { roomId, date, team: 'blue' } }, roomId, date);
    }
  }
  await Promise.all(inFlight);
};

const rawRate = async (nats: NatsClient, events: number): Promise<number> => {
  const kv = await nats.kvm.create('raw-puts', { history: 5, storage: 'file' });
  await nats.jsm.consumers.add(HOTEL_STREAM.name, { durable_name: 'raw', ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, filter_subject: 'hotel.room-day.>', max_ack_pending: 10_000 });
  const consumer = await nats.js.consumers.get(HOTEL_STREAM.name, 'raw');
  const started = performance.now();
  for (let done = 0; done < events; ) {
    const messages: JsMsg[] = [];
    for await (const message of await consumer.fetch({ max_messages: 1_024, expires: 1_000 })) messages.push(message);
    await Promise.all(messages.map((message) => kv.put(message.subject.split('.').slice(2).join('.'), message.data)));
    for (const message of messages) message.ack();
    done += messages.length;
  }
  return events / ((performance.now() - started) / 1_000);
};

const viewRate = async (url: string, events: number): Promise<number> => {
  const nats = await NatsClient.connect({ servers: url, name: 'bench-view' });
  const projector = new KvProjector(nats, { stream: HOTEL_STREAM, filterSubject: 'hotel.room-day.>', projection: bookingBoard });
  try {
    await projector.ensure();
    const last = (await nats.jsm.streams.info(HOTEL_STREAM.name)).state.last_seq;
    const started = performance.now();
    projector.start();
    await projector.waitFor(last, 3_600_000);
    const seconds = (performance.now() - started) / 1_000;
    await projector.stop();
    return events / seconds;
  } finally {
    await nats.close();
  }
};

const lagRuns = async (options: ProjectionBenchOptions): Promise<{ capacity: number; runs: LagRun[] }> => {
  const stack = await BenchStack.start();
  const watcher = await NatsClient.connect({ servers: stack.natsUrl, name: 'bench-watch' });
  try {
    let next = 0;
    const body = (): string => {
      const index = next++;
      return JSON.stringify({ data: { room: { id: String(1 + (index % 5)) }, client: { id: 'bench' }, date: dateOf(index / 5) } });
    };
    const probe = await drive(stack.baseUrl, { app: stack.appPid, nats: stack.natsPid }, { method: 'PUT', path: '/mutation/book-room', body }, { connections: 50, durationSeconds: 5, warmupSeconds: 1 });
    const capacity = probe.requestsPerSecond;
    const bucket = await watcher.kvm.open('view-booking-board');
    const seen = new Map<string, number>();
    const watch = await bucket.watch({ include: KvWatchInclude.UpdatesOnly });
    void (async () => {
      for await (const entry of watch) {
        if (entry.operation === 'PUT' && !seen.has(entry.key) && entry.string().includes('"availability":"booked"')) seen.set(entry.key, performance.now());
      }
    })();
    const runs: LagRun[] = [];
    let day = 3_000;
    for (const fraction of options.loadFractions) {
      const rate = Math.max(1, Math.round(capacity * fraction));
      const responded = new Map<string, number>();
      const total = rate * options.lagSeconds;
      const start = performance.now();
      const requests: Promise<void>[] = [];
      for (let index = 0; index < total; index++) {
        const due = start + (index * 1_000) / rate;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        const room = String(1 + (index % 5));
        const date = dateOf(day + Math.floor(index / 5));
        requests.push(book(stack.baseUrl, room, date).then(() => void responded.set(`${room}.${date}`, performance.now())));
      }
      day += Math.ceil(total / 5) + 1;
      await Promise.all(requests);
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && [...responded.keys()].some((key) => !seen.has(key))) await sleep(50);
      const lags = [...responded].flatMap(([key, at]) => (seen.has(key) ? [Math.max(0, (seen.get(key) ?? at) - at)] : []));
      runs.push({ fraction, ratePerSecond: rate, sent: total, lagMs: summarize(lags), missing: responded.size - lags.length });
    }
    watch.stop();
    return { capacity, runs };
  } finally {
    await watcher.close();
    await stack.stop();
  }
};


const dateOf = (day: number): string => new Date(Date.UTC(2030, 0, 1) + Math.floor(day) * 86_400_000).toISOString().slice(0, 10);
