import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import type { ServerMessage } from '@adapter/live/live.protocol';
import { BenchStack } from './support/app-process';
import { book } from './support/bookings';
import type { BenchSection } from './support/results';
import { summarize, type LatencySummary } from './support/stats';

export interface LiveViewsOptions {
  readonly commands: number;
  readonly warmup: number;
  readonly ratePerSecond: number;
  readonly clientCounts: readonly number[];
}

interface Scenario {
  readonly clients: number;
  readonly latencyMs: LatencySummary;
  readonly commandMs: LatencySummary;
  readonly beforeResponse: number;
  readonly missing: number;
}

const ROOMS = ['1', '2', '3', '4', '5'];

/**
 * From a command's HTTP response to each websocket client seeing the new value: bookings of
 * distinct room-days, sent one at a time at a fixed rate below the app's capacity, so that the
 * figure is the live path's latency and not a queue's.
 */
export const liveViewsBench = async (options: LiveViewsOptions): Promise<BenchSection> => {
  const scenarios: Scenario[] = [];
  for (const clients of options.clientCounts) scenarios.push(await scenario(clients, options));
  return {
    title: 'Live views: command response → websocket value',
    command: `npm run bench -- live-views`,
    figures: { ...options, scenarios },
    table: [
      ['subscribed clients', 'commands', 'rate (cmd/s)', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'command p50 ms', 'command p99 ms', 'values missed'],
      ...scenarios.map((run) => [
        run.clients,
        options.commands,
        options.ratePerSecond,
        run.latencyMs.p50,
        run.latencyMs.p90,
        run.latencyMs.p99,
        run.latencyMs.max,
        run.commandMs.p50,
        run.commandMs.p99,
        run.missing,
      ]),
    ],
    notes: [
      'Latency: from the PUT /mutation/book-room response to the booked value arriving on each subscribed client (key pattern ">" on booking-board); every client sees every command.',
      'A value that arrives before the HTTP response counts as 0 ms (counted as `beforeResponse` in the JSON; `missing` counts values a client never saw).',
      'The app runs as its own process (dist/app/main.js) on a fresh nats-server with file storage; the load and the clients share the bench process.',
    ],
  };
};

const scenario = async (clientCount: number, options: LiveViewsOptions): Promise<Scenario> => {
  const stack = await BenchStack.start();
  const clients: WebSocket[] = [];
  try {
    const arrivals = Array.from({ length: clientCount }, () => new Map<string, number>());
    for (const [index, arrival] of arrivals.entries()) clients.push(await subscriber(stack.baseUrl, `c${index}`, arrival));
    const responded = new Map<string, number>();
    const commandTimes: number[] = [];
    const total = options.warmup + options.commands;
    const interval = 1_000 / options.ratePerSecond;
    const start = performance.now();
    for (let index = 0; index < total; index++) {
      const due = start + index * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const room = ROOMS[index % ROOMS.length] ?? '1';
      const date = dateOf(Math.floor(index / ROOMS.length));
      const sent = performance.now();
      await book(stack.baseUrl, room, date);
      const done = performance.now();
      if (index >= options.warmup) {
        responded.set(`${room}.${date}`, done);
        commandTimes.push(done - sent);
      }
    }
    await waitForAll(arrivals, responded, 10_000);
    const latencies: number[] = [];
    let beforeResponse = 0;
    let missing = 0;
    for (const arrival of arrivals) {
      for (const [key, respondedAt] of responded) {
        const seen = arrival.get(key);
        if (seen === undefined) missing++;
        else if (seen < respondedAt) beforeResponse++;
        if (seen !== undefined) latencies.push(Math.max(0, seen - respondedAt));
      }
    }
    return { clients: clientCount, latencyMs: summarize(latencies), commandMs: summarize(commandTimes), beforeResponse, missing };
  } finally {
    for (const client of clients) client.terminate();
    await stack.stop();
  }
};

const subscriber = async (baseUrl: string, id: string, arrivals: Map<string, number>): Promise<WebSocket> => {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/live`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const ready = new Promise<void>((resolve) => {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as ServerMessage;
      if (message.type === 'ready') resolve();
      if (message.type === 'value' && (message.value?.view as { availability?: string } | undefined)?.availability === 'booked' && !arrivals.has(message.key)) {
        arrivals.set(message.key, performance.now());
      }
    });
  });
  socket.send(JSON.stringify({ type: 'subscribe', id, view: 'booking-board', key: '>' }));
  await ready;
  return socket;
};


const dateOf = (day: number): string => new Date(Date.UTC(2040, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

const waitForAll = async (arrivals: readonly Map<string, number>[], expected: Map<string, number>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && arrivals.some((arrival) => [...expected.keys()].some((key) => !arrival.has(key)))) await sleep(50);
};
