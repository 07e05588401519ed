import { performance } from 'node:perf_hooks';
import { BenchStack } from './support/app-process';
import { commandCounts, countsBetween, type CommandCounts } from './support/command-metrics';
import { paced } from './support/paced';
import { cpuSeconds } from './support/proc-usage';
import { consumersCaughtUp, largestBacklog, preloadBookings, type PreloadedBooking } from './support/preload';
import type { BenchSection } from './support/results';
import { round, summarize, type LatencySummary } from './support/stats';
import { startTempNats } from './support/temp-nats';

export interface CommandLatencyOptions {
  /** Events already in the HOTEL stream, each on its own room-day, besides the room-days booked again. */
  readonly streamSizes: readonly number[];
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
}

interface LatencyRow {
  readonly streamSize: number;
  readonly roomDays: 'new' | 'existing';
  readonly latency: LatencySummary;
  readonly statuses: Record<number, number>;
  readonly counts: CommandCounts;
  readonly eventsReadPerCommand: number;
  /** CPU used per request over the row, in milliseconds: the app's and the nats-server's. */
  readonly appCpuMsPerRequest: number;
  readonly natsCpuMsPerRequest: number;
}

const ROOMS = ['1', '2', '3', '4', '5'];
const FILLER_ROOMS = 30;
const FIRST_DAY = Date.UTC(2000, 0, 1);
const GUEST = 'guest';
/** First day of the room-days booked new: far from the preloaded ones (days 0 to about 33,000 from 2000-01-01). */
const NEW_DAYS_FROM = { warmup: 34_000, measured: 35_000 };
const SLICE = '/hotel/book-room';

const dateOf = (day: number): string => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
const roomDay = (index: number, firstDay: number): PreloadedBooking => ({
  roomId: ROOMS[index % ROOMS.length] ?? '1',
  date: dateOf(firstDay + Math.floor(index / ROOMS.length)),
  clientId: GUEST,
});
const bookingBody = ({ roomId, date, clientId }: PreloadedBooking): string =>
  JSON.stringify({ data: { room: { id: roomId }, client: { id: clientId }, date } });

/**
 * Latency of `PUT /mutation/book-room` at a fixed rate, with the HOTEL stream already holding 0,
 * 100k or 1M events, on room-days never seen (new) and on room-days stored in the stream but not in
 * the app's cache (existing, booked again by their guest: a 201 that must read the room-day first).
 * Latency that stays flat as the stream grows, and one event read per existing room-day, show that a
 * state is read from its own subject only and never rebuilt from the whole stream.
 */
export const commandLatencyBench = async (options: CommandLatencyOptions): Promise<BenchSection> => {
  const rows: LatencyRow[] = [];
  const preloads: { streamSize: number; seconds: number; bytes: number }[] = [];
  for (const streamSize of options.streamSizes) {
    const { rows: measured, preload } = await measure(streamSize, options);
    rows.push(...measured);
    preloads.push({ streamSize, ...preload });
  }
  return {
    title: 'Command latency against stream size: PUT /mutation/book-room',
    command: 'npm run bench -- command-latency',
    figures: { ...options, preloads, rows },
    table: [
      ['events in the stream', 'room-days', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'answers', 'events read per command', 'app CPU ms per request', 'nats-server CPU ms per request'],
      ...rows.map((row) => [
        row.streamSize.toLocaleString('en-US'),
        row.roomDays,
        round(row.latency.p50, 2),
        round(row.latency.p90, 2),
        round(row.latency.p99, 2),
        round(row.latency.max, 1),
        Object.entries(row.statuses).map(([status, count]) => `${count} × ${status}`).join(', '),
        row.eventsReadPerCommand,
        row.appCpuMsPerRequest,
        row.natsCpuMsPerRequest,
      ]),
    ],
    notes: [
      `${options.ratePerSecond} requests/s for ${options.seconds} s per row, sent on schedule whatever the answers (open loop), from the bench process; ${options.warmupSeconds} s of bookings on other new room-days first.`,
      `The stream is filled before the app starts: RoomBooked CloudEvents (the app's codec) on distinct room-days of ${FILLER_ROOMS} other rooms, published pipelined to JetStream, with the room-days booked again ("existing") spread evenly among them. The views and the automation are set past the preloaded events, as if they had caught up.`,
      `Preloading took ${preloads.map((preload) => `${round(preload.seconds, 1)} s for ${preload.streamSize.toLocaleString('en-US')} (${round(preload.bytes / 2 ** 20, 0)} MiB stored)`).join(', ')}.`,
      'new: a room-day never stored, booked once (201, one append at sequence 0, no read). existing: a stored room-day booked again by its guest (201 with the first booking, after reading the room-day: an answer that writes nothing is only given on state read during the command).',
      'Events read per command: from GET /metrics (command_events_read_total over commands_handled_total), over the measured requests. CPU per request: utime + stime from /proc over the row, divided by its requests; it includes the views and the automation working on each booking.',
    ],
  };
};

const measure = async (
  streamSize: number,
  options: CommandLatencyOptions,
): Promise<{ rows: LatencyRow[]; preload: { seconds: number; bytes: number } }> => {
  const requests = options.ratePerSecond * options.seconds;
  const nats = await startTempNats('latency');
  // The app creates the streams, its consumers and the demo rooms, then stops while the stream is filled.
  await (await BenchStack.startOn(nats)).stopApp();
  const total = streamSize + requests;
  const existingAt = (slot: number): number => Math.floor(((slot + 0.5) * total) / requests);
  let existing = 0;
  let filler = 0;
  const started = performance.now();
  const { lastSequence, bytes } = await preloadBookings(nats.url, total, (index) => {
    if (existing < requests && index === existingAt(existing)) return roomDay(existing++, 0);
    const at = filler++;
    return { roomId: `f${at % FILLER_ROOMS}`, date: dateOf(Math.floor(at / FILLER_ROOMS)), clientId: GUEST };
  });
  const preload = { seconds: (performance.now() - started) / 1_000, bytes };
  await consumersCaughtUp(nats.url, lastSequence);
  const stack = await BenchStack.startOn(nats);
  try {
    const backlog = await largestBacklog(nats.url);
    if (backlog > 0) throw new Error(`a consumer of the app has ${backlog} preloaded messages to go through: the views would be catching up while latency is measured`);
    await paced(stack.baseUrl, '/mutation/book-room', options.ratePerSecond * options.warmupSeconds, options.ratePerSecond, (index) =>
      bookingBody(roomDay(index, NEW_DAYS_FROM.warmup)),
    );
    const row = async (roomDays: LatencyRow['roomDays'], firstDay: number): Promise<LatencyRow> => {
      const before = await commandCounts(stack.baseUrl, SLICE);
      const cpuBefore = { app: cpuSeconds(stack.appPid), nats: cpuSeconds(stack.natsPid) };
      const result = await paced(stack.baseUrl, '/mutation/book-room', requests, options.ratePerSecond, (index) => bookingBody(roomDay(index, firstDay)));
      const cpuMs = { app: (cpuSeconds(stack.appPid) - cpuBefore.app) * 1_000, nats: (cpuSeconds(stack.natsPid) - cpuBefore.nats) * 1_000 };
      const counts = countsBetween(before, await commandCounts(stack.baseUrl, SLICE));
      if (result.statuses[201] !== requests) throw new Error(`${roomDays} room-days: expected ${requests} × 201, got ${JSON.stringify(result.statuses)}`);
      return {
        streamSize,
        roomDays,
        latency: summarize(result.latenciesMs),
        statuses: result.statuses,
        counts,
        eventsReadPerCommand: round(counts.eventsRead / Math.max(1, counts.handled), 3),
        appCpuMsPerRequest: round(cpuMs.app / requests, 2),
        natsCpuMsPerRequest: round(cpuMs.nats / requests, 2),
      };
    };
    return { rows: [await row('new', NEW_DAYS_FROM.measured), await row('existing', 0)], preload };
  } finally {
    await stack.stop();
  }
};
