import autocannon from 'autocannon';
import { connect } from '@nats-io/transport-node';
import { DeliverPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { decodeEvents } from '@adapter/event-store/cloudevent.codec';
import { checkpointKey, PROGRESS_BUCKET } from '@adapter/projection/view-buckets';
import { viewsOf } from '@libs/event-model/board';
import { BOARDS } from '@app/boards';
import { HOTEL_STREAM, roomDaySubject, roomDaySubjectFilter } from '@stream/hotel.stream';
import { BenchStack } from './support/app-process';
import { lineChart } from './support/chart';
import type { LoadFigures } from './support/load';
import { cpuSeconds, rssMiB } from './support/proc-usage';
import type { BenchSection } from './support/results';
import { round } from './support/stats';

export interface SoakOptions {
  readonly minutes: number;
  /** Requests per second; absent: half of the rate measured in a short closed-loop probe. */
  readonly ratePerSecond?: number;
  /** Length of one reported interval. */
  readonly intervalSeconds: number;
  readonly connections: number;
}

/** One reported interval of the soak: the load's figures over it, where it ended, and the readers' backlog then. */
interface Interval extends Omit<LoadFigures, 'requests' | 'natsCpuCores'> {
  readonly minute: number;
  /** Events the views and the bot have not applied yet, at the end of the interval. */
  readonly consumerBacklog: number;
  /** The app's V8 heap in use at the end of the interval (`GET /metrics`): what RSS holds besides reserve. */
  readonly appHeapUsedMiB: number;
}

const ROOMS = 50;
/** Each booking puts two events before every consumer: RoomBooked, then the bot's CleanupScheduled. */
const EVENTS_PER_BOOKING = 2;
const FIRST_DAY = Date.UTC(2000, 0, 1);
const LAST_DAY = Date.UTC(2100, 11, 31);

/** Room-day of the n-th booking: rooms 1..50 on one day, then the next day. */
const roomDayOf = (index: number): { room: string; date: string } => {
  const day = FIRST_DAY + Math.floor(index / ROOMS) * 86_400_000;
  if (day > LAST_DAY) throw new Error(`the soak ran out of distinct room-days after ${index} bookings; lower its rate or length`);
  return { room: String(1 + (index % ROOMS)), date: new Date(day).toISOString().slice(0, 10) };
};

/**
 * Sustained command load: distinct bookings at a fixed rate for many minutes, reported per interval
 * (throughput, p50/p99, the app's CPU and memory, the consumers' backlog). Afterwards the HOTEL stream
 * is read whole: every booking answered 2xx must be there exactly once, no room-day booked twice, and
 * the bot must have scheduled exactly one cleaning per booking.
 */
export const soakBench = async (options: SoakOptions): Promise<BenchSection> => {
  const stack = await BenchStack.start();
  const observer = await connect({ servers: stack.natsUrl });
  try {
    const jsm = await jetstreamManager(observer);
    const progress = await new Kvm(observer).open(PROGRESS_BUCKET);
    await registerRooms(stack.baseUrl);
    const statuses = new Map<number, number>();
    let next = 0;
    const run = (seconds: number, rate?: number): Promise<autocannon.Result> =>
      autocannon({
        url: stack.baseUrl,
        connections: options.connections,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
        requests: [
          {
            method: 'PUT',
            path: '/mutation/book-room',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request, context) => {
              const index = next++;
              (context as { index?: number }).index = index;
              const { room, date } = roomDayOf(index);
              return { ...request, body: JSON.stringify({ data: { room: { id: room }, client: { id: `soak-${index}` }, date } }) };
            },
            onResponse: (status, _body, context) => {
              const index = (context as { index?: number }).index;
              if (index !== undefined) statuses.set(index, status);
            },
          },
        ],
      });
    await run(5);
    const probe = await run(5);
    const commandCapacity = probe.requests.total / probe.duration;
    const consumerCapacity = await slowestConsumerRate(jsm, progress, 5_000);
    await drained(jsm, progress, 300_000);
    const bookingCapacity = Math.min(commandCapacity, consumerCapacity / EVENTS_PER_BOOKING);
    const rate = options.ratePerSecond ?? Math.max(10, Math.floor(bookingCapacity / 2 / 10) * 10);
    const intervals: Interval[] = [];
    const rounds = Math.max(1, Math.round((options.minutes * 60) / options.intervalSeconds));
    for (let round_ = 0; round_ < rounds; round_++) {
      const cpuBefore = cpuSeconds(stack.appPid);
      const result = await run(options.intervalSeconds, rate);
      intervals.push({
        minute: round(((round_ + 1) * options.intervalSeconds) / 60, 2),
        requestsPerSecond: round(result.requests.total / result.duration, 0),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        appCpuCores: round((cpuSeconds(stack.appPid) - cpuBefore) / result.duration, 2),
        appRssMiB: round(rssMiB(stack.appPid), 0),
        consumerBacklog: await backlog(jsm, progress),
        appHeapUsedMiB: await heapUsedMiB(stack.baseUrl),
      });
      process.stdout.write(`soak ${JSON.stringify(intervals.at(-1))}\n`);
    }
    const drainedMs = await drained(jsm, progress, 180_000);
    const audit = await auditStream(observer, jsm, statuses);
    const acknowledged = [...statuses.values()].filter((status) => status >= 200 && status < 300).length;
    const firstHalf = intervals.slice(0, Math.ceil(intervals.length / 2));
    const secondHalf = intervals.slice(Math.ceil(intervals.length / 2));
    const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const rssGrowthMiB = round(mean(secondHalf.map(({ appRssMiB }) => appRssMiB)) - mean(firstHalf.map(({ appRssMiB }) => appRssMiB)), 0);
    const heapGrowthMiB = round(mean(secondHalf.map(({ appHeapUsedMiB }) => appHeapUsedMiB)) - mean(firstHalf.map(({ appHeapUsedMiB }) => appHeapUsedMiB)), 0);
    return {
      title: `Soak: ${options.minutes} minutes of bookings at ${rate}/s`,
      command: 'npm run bench -- soak',
      figures: { ...options, ratePerSecond: rate, commandCapacity: round(commandCapacity, 0), consumerPositionsPerSecond: Number.isFinite(consumerCapacity) ? round(consumerCapacity, 0) : null, requests: statuses.size, acknowledged, ...audit, rssGrowthMiB, heapGrowthMiB, drainedMs, intervals },
      table: [
        ['minute', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'app CPU (cores)', 'app RSS MiB', 'app heap used MiB', 'consumer backlog'],
        ...intervals.map((interval) => [
          interval.minute,
          interval.requestsPerSecond,
          interval.p50Ms,
          interval.p99Ms,
          interval.non2xx,
          interval.errors,
          interval.appCpuCores,
          interval.appRssMiB,
          interval.appHeapUsedMiB,
          interval.consumerBacklog,
        ]),
      ],
      notes: [
        `${statuses.size} bookings sent, ${acknowledged} answered 2xx; read back from the stream: ${audit.lostBookings} lost, ${audit.duplicatedBookings} room-days booked more than once, ${audit.missingCleanings} bookings without a scheduled cleaning, ${audit.duplicatedCleanings} cleanings scheduled twice.`,
        `Rate: ${rate}/s. A 5 s closed-loop probe (${options.connections} connections) reached ${round(commandCapacity, 0)} bookings/s on the command path; ${Number.isFinite(consumerCapacity) ? `the slowest reader of the stream (the bot, a view) then got through ${round(consumerCapacity, 0)} stream positions/s, i.e. ${round(consumerCapacity / EVENTS_PER_BOOKING, 0)} bookings/s` : 'the bot and the views kept up with it'}; the soak runs at half the lower of the two (SOAK_RATE overrides). autocannon runs in the bench process, the app in its own on a fresh nats-server (file storage).`,
        `Mean of the second half minus mean of the first half: app RSS ${rssGrowthMiB} MiB, app heap in use ${heapGrowthMiB} MiB. Consumers drained ${drainedMs} ms after the load stopped.`,
      ],
      charts: [
        {
          name: 'soak',
          svg: lineChart({
            title: `Soak: bookings at ${rate}/s`,
            xLabel: 'minutes',
            yLabel: 'ms / MiB',
            series: [
              { name: 'p50 latency (ms)', points: intervals.map(({ minute, p50Ms }) => [minute, p50Ms] as const) },
              { name: 'p99 latency (ms)', points: intervals.map(({ minute, p99Ms }) => [minute, p99Ms] as const) },
              { name: 'app RSS (MiB)', points: intervals.map(({ minute, appRssMiB }) => [minute, appRssMiB] as const) },
              { name: 'app heap used (MiB)', points: intervals.map(({ minute, appHeapUsedMiB }) => [minute, appHeapUsedMiB] as const) },
            ],
          }),
        },
      ],
    };
  } finally {
    await observer.close();
    await stack.stop();
  }
};

/** The app's V8 heap in use, from its Prometheus gauge. */
const heapUsedMiB = async (baseUrl: string): Promise<number> => {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const bytes = /^nodejs_heap_size_used_bytes (\d+)$/m.exec(text)?.[1];
  if (bytes === undefined) throw new Error('GET /metrics has no nodejs_heap_size_used_bytes');
  return round(Number(bytes) / 2 ** 20, 0);
};

/** Rooms 6..50 next to the demo hotel's 1..5, so the soak has enough distinct room-days. */
const registerRooms = async (baseUrl: string): Promise<void> => {
  for (let room = 6; room <= ROOMS; room++) {
    const response = await fetch(`${baseUrl}/mutation/register-room`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { room: { id: room } } }),
    });
    if (!response.ok) throw new Error(`registering room ${room} answered ${response.status}: ${await response.text()}`);
  }
};

/** The views fed by room-days, whose checkpoints say how far they have applied the stream. */
const ROOM_DAY_VIEWS = viewsOf(BOARDS).filter(({ subjects }) => subjects === roomDaySubjectFilter()).map(({ name }) => name);

/**
 * Where each reader of the HOTEL stream stands: the bot's durable consumer (its ack floor and what it
 * still has to do), and each room-day view (its checkpoint, against the stream's last sequence, read
 * after the checkpoints so that a busy stream cannot make a view look ahead of it).
 */
const positions = async (jsm: JetStreamManager, progress: KV): Promise<Map<string, { position: number; behind: number }>> => {
  const byName = new Map<string, { position: number; behind: number }>();
  for await (const consumer of jsm.consumers.list(HOTEL_STREAM.name)) {
    byName.set(consumer.name, { position: consumer.ack_floor.stream_seq, behind: consumer.num_pending + consumer.num_ack_pending });
  }
  const checkpoints = await Promise.all(ROOM_DAY_VIEWS.map(async (view) => Number((await progress.get(checkpointKey(view)))?.string() ?? 0)));
  const last = (await jsm.streams.info(HOTEL_STREAM.name)).state.last_seq;
  ROOM_DAY_VIEWS.forEach((view, index) => {
    const checkpoint = checkpoints[index] ?? 0;
    byName.set(`view ${view}`, { position: checkpoint, behind: last - checkpoint });
  });
  return byName;
};

/** Stream messages the bot and the room-day views have not got through yet. */
const backlog = async (jsm: JetStreamManager, progress: KV): Promise<number> =>
  [...(await positions(jsm, progress)).values()].reduce((sum, { behind }) => sum + behind, 0);

/**
 * Stream positions per second the slowest busy reader of the HOTEL stream gets through. Pending
 * counts would not do: the bot's own appends refill every backlog.
 */
const slowestConsumerRate = async (jsm: JetStreamManager, progress: KV, windowMs: number): Promise<number> => {
  const before = await positions(jsm, progress);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = await positions(jsm, progress);
  const seconds = (performance.now() - started) / 1000;
  const rates = [...before]
    .filter(([name, { behind }]) => behind > 0 && (after.get(name)?.behind ?? 0) > 0)
    .map(([name, { position }]) => ((after.get(name)?.position ?? position) - position) / seconds);
  return rates.length === 0 ? Number.POSITIVE_INFINITY : Math.max(1, Math.min(...rates));
};

const drained = async (jsm: JetStreamManager, progress: KV, timeoutMs: number): Promise<number> => {
  const started = Date.now();
  while ((await backlog(jsm, progress)) > 0) {
    if (Date.now() - started > timeoutMs) throw new Error(`the bot and the views still had ${await backlog(jsm, progress)} messages to go ${timeoutMs} ms after the load`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return Date.now() - started;
};

interface Audit {
  readonly storedMessages: number;
  readonly lostBookings: number;
  readonly duplicatedBookings: number;
  readonly missingCleanings: number;
  readonly duplicatedCleanings: number;
}

/** Reads the whole HOTEL stream and checks it against what the clients were told. */
const auditStream = async (
  observer: Awaited<ReturnType<typeof connect>>,
  jsm: JetStreamManager,
  statuses: ReadonlyMap<number, number>,
): Promise<Audit> => {
  const last = (await jsm.streams.info(HOTEL_STREAM.name)).state.last_seq;
  const booked = new Map<string, number>();
  const scheduled = new Map<string, number>();
  const consumer = await jetstream(observer).consumers.get(HOTEL_STREAM.name, { deliver_policy: DeliverPolicy.All });
  const messages = await consumer.consume({ max_messages: 2_000 });
  let storedMessages = 0;
  for await (const message of messages) {
    storedMessages++;
    for (const { event } of decodeEvents(HOTEL_STREAM, { subject: message.subject, sequence: message.seq, body: message.string() })) {
      if (event.type === 'RoomBooked') booked.set(message.subject, (booked.get(message.subject) ?? 0) + 1);
      if (event.type === 'CleanupScheduled') scheduled.set(message.subject, (scheduled.get(message.subject) ?? 0) + 1);
    }
    if (message.seq >= last) break;
  }
  await messages.close();
  let lostBookings = 0;
  for (const [index, status] of statuses) {
    if (status < 200 || status >= 300) continue;
    const { room, date } = roomDayOf(index);
    if (!booked.has(roomDaySubject(room, date))) lostBookings++;
  }
  return {
    storedMessages,
    lostBookings,
    duplicatedBookings: [...booked.values()].filter((count) => count > 1).length,
    missingCleanings: [...booked.keys()].filter((subject) => !scheduled.has(subject)).length,
    duplicatedCleanings: [...scheduled.values()].filter((count) => count > 1).length,
  };
};
