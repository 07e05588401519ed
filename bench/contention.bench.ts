import { BenchStack } from './support/app-process';
import { commandCounts, countsBetween, type CommandCounts } from './support/command-metrics';
import { cannon, type LoadOptions } from './support/load';
import { cpuSeconds } from './support/proc-usage';
import type { BenchSection } from './support/results';
import { round } from './support/stats';

export interface ContentionOptions extends LoadOptions {
  /** Bookings of each room-day, each by another client: one wins, the others are refused. */
  readonly contenders: readonly number[];
}

interface ContentionRow {
  readonly contenders: number;
  readonly decidedPerSecond: number;
  readonly booked: number;
  readonly refused: number;
  /** 409 concurrent-modification: decisions given up after COMMAND_ATTEMPTS refused appends. */
  readonly gaveUp: number;
  readonly other: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly counts: CommandCounts;
  readonly retriesPerCommand: number;
  readonly readsPerCommand: number;
  readonly appCpuCores: number;
}

const ROOMS = ['1', '2', '3', '4', '5'];
const FIRST_DAY = Date.UTC(2000, 0, 1);
const LAST_DAY = Date.UTC(2100, 11, 31);
const SLICE = '/hotel/book-room';

/**
 * Many clients booking the same few room-days: request after request goes to the same room-day,
 * each by a new client, until `contenders` have tried it, then the load moves on to the next one. With
 * 50 requests in flight, the contenders of a room-day race each other: one booking wins (201), the
 * others are refused (409 room-already-booked), and an append refused because another decision was
 * stored first makes the command decide again. Retries come from the app's own counters (GET /metrics).
 */
export const contentionBench = async (options: ContentionOptions): Promise<BenchSection> => {
  const rows: ContentionRow[] = [];
  for (const contenders of options.contenders) rows.push(await measure(contenders, options));
  return {
    title: 'Contention: many clients booking the same room-days',
    command: 'npm run bench -- contention',
    figures: { ...options, rows },
    table: [
      ['bookings per room-day', 'decided/s (201 + 409)', '201', '409 room-already-booked', '409 concurrent-modification', 'retries per command', 'reads per command', 'p50 ms', 'p99 ms', 'app CPU (cores)'],
      ...rows.map((row) => [
        row.contenders,
        row.decidedPerSecond,
        row.booked,
        row.refused,
        row.gaveUp,
        row.retriesPerCommand,
        row.readsPerCommand,
        row.p50Ms,
        row.p99Ms,
        row.appCpuCores,
      ]),
    ],
    notes: [
      `autocannon, ${options.connections} connections, ${options.warmupSeconds} s warmup then ${options.durationSeconds} s measured; a fresh nats-server and app per row.`,
      'Requests go to rooms 1-5 on dates from 2000-01-01 on, each room-day booked by `bookings per room-day` distinct clients in a row, so that many of them are in flight on the same room-day at once.',
      'Retries per command: decisions made again because JetStream refused the append (another booking of the room-day was stored first), divided by commands handled, both read from GET /metrics before and after the measured run.',
      'Reads per command: reads of a room-day, after a refused append or to confirm a refusal on a cached state (a refusal is only answered on state read during the command).',
      'Checked on every run: no room-day answered 201 to more than one client, and no answer other than 201 and 409.',
    ],
  };
};

const measure = async (contenders: number, options: LoadOptions): Promise<ContentionRow> => {
  const stack = await BenchStack.start();
  try {
    let sent = 0;
    const body = (): string => {
      const index = sent++;
      const roomDay = Math.floor(index / contenders);
      const day = FIRST_DAY + Math.floor(roomDay / ROOMS.length) * 86_400_000;
      if (day > LAST_DAY) throw new Error(`ran out of room-days after ${index} bookings`);
      const room = ROOMS[roomDay % ROOMS.length] ?? '1';
      return JSON.stringify({ data: { room: { id: room }, client: { id: `c${index}` }, date: new Date(day).toISOString().slice(0, 10) } });
    };
    const answers = new Answers();
    const request = { method: 'PUT' as const, path: '/mutation/book-room', body, onResponse: (status: number, text: string) => answers.add(status, text) };
    await cannon(stack.baseUrl, request, options.connections, options.warmupSeconds);
    const measured = answers.reset();
    const before = await commandCounts(stack.baseUrl, SLICE);
    const cpuBefore = cpuSeconds(stack.appPid);
    const result = await cannon(stack.baseUrl, request, options.connections, options.durationSeconds);
    const cpu = cpuSeconds(stack.appPid) - cpuBefore;
    const counts = countsBetween(before, await commandCounts(stack.baseUrl, SLICE));
    const tally = answers.reset();
    answers.check(measured, tally);
    return {
      contenders,
      decidedPerSecond: round((tally.booked + tally.refused) / result.duration, 0),
      booked: tally.booked,
      refused: tally.refused,
      gaveUp: tally.gaveUp,
      other: tally.other,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      counts,
      retriesPerCommand: round(counts.retries / Math.max(1, counts.handled), 3),
      readsPerCommand: round(counts.reads / Math.max(1, counts.handled), 3),
      appCpuCores: round(cpu / result.duration, 2),
    };
  } finally {
    await stack.stop();
  }
};

interface Tally {
  booked: number;
  refused: number;
  gaveUp: number;
  other: number;
}

/** Counts answers by kind, and the winners of every room-day over the whole run (warmup included). */
class Answers {
  private tally: Tally = { booked: 0, refused: 0, gaveUp: 0, other: 0 };
  private readonly winners = new Map<string, number>();

  add(status: number, text: string): void {
    if (status === 201) {
      this.tally.booked++;
      const subject = (JSON.parse(text) as { subject: string }).subject;
      this.winners.set(subject, (this.winners.get(subject) ?? 0) + 1);
    } else if (status === 409 && text.includes('"rule":"room-already-booked"')) this.tally.refused++;
    else if (status === 409 && text.includes('/concurrent-modification"')) this.tally.gaveUp++;
    else this.tally.other++;
  }

  /** The tally so far, starting a new one. */
  reset(): Tally {
    const tally = this.tally;
    this.tally = { booked: 0, refused: 0, gaveUp: 0, other: 0 };
    return tally;
  }

  check(...tallies: Tally[]): void {
    const twice = [...this.winners].filter(([, wins]) => wins > 1);
    if (twice.length > 0) throw new Error(`room-days booked by more than one client: ${twice.map(([subject]) => subject).join(', ')}`);
    const other = tallies.reduce((sum, tally) => sum + tally.other, 0);
    if (other > 0) throw new Error(`${other} answers were neither 201 nor 409`);
  }
}
