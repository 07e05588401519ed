import { FloorStack, FLOOR_COMMAND_SUBJECT } from './floor/floor-stack';
import { BenchStack } from './support/app-process';
import { distinctBookings } from './support/bookings';
import type { LoadFigures, LoadOptions } from './support/load';
import { driveNats } from './support/nats-load';
import type { BenchSection } from './support/results';
import { round } from './support/stats';

/**
 * Commands over NATS request/reply against their floor, in one run: the floor (a bare request/reply
 * service doing one JetStream publish per request), then the app's `cmd.hotel.book-room` booking
 * distinct room-days, under the same closed-loop load from one NATS connection in the bench process.
 */
export const natsCommandsBench = async (options: LoadOptions): Promise<BenchSection> => {
  const floor = await measureFloor(options);
  const command = await measureCommandPath(options);
  if (command.non2xx > 0 || command.errors > 0) {
    throw new Error(`the NATS command path answered ${command.non2xx} non-2xx and had ${command.errors} errors: ${JSON.stringify(command)}`);
  }
  const ratio = round(command.requestsPerSecond / floor.requestsPerSecond, 2);
  const row = (name: string, figures: LoadFigures): (string | number)[] => [
    name,
    figures.requestsPerSecond,
    figures.p50Ms,
    figures.p99Ms,
    figures.non2xx,
    figures.appCpuCores,
    figures.appRssMiB,
    figures.natsCpuCores ?? '',
  ];
  return {
    title: 'Commands over NATS: the command path against the floor',
    command: 'npm run bench -- nats-commands',
    figures: { ...options, floor, commandPath: command, ratio },
    table: [
      ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'app CPU (cores)', 'app RSS MiB', 'nats-server CPU (cores)'],
      row(`floor: request/reply on ${FLOOR_COMMAND_SUBJECT}, one js.publish`, floor),
      row('command path: cmd.hotel.book-room, one instance running everything', command),
      ['ratio command path ÷ floor', ratio, '', '', '', '', '', ''],
    ],
    notes: [
      `${options.connections} requests in flight from one NATS connection in the bench process (closed loops), ${options.warmupSeconds} s warmup then ${options.durationSeconds} s measured; each app is its own process on its own fresh nats-server (file storage, loopback).`,
      'Floor: bench/floor/floor.app.ts, a plain nats.js subscription in a queue group doing one awaited js.publish of the body per request and answering the sequence.',
      'Command path: dist/app/main.js with the demo hotel; every request books a distinct room-day, so each is a new entity and a Status 201 reply. The app also runs its views and its automation on what it books.',
    ],
  };
};

const measureFloor = async (options: LoadOptions): Promise<LoadFigures> => {
  const stack = await FloorStack.start();
  try {
    const body = JSON.stringify({ data: { room: { id: '1' }, client: { id: 'bench' }, date: '2000-01-01' } });
    return await driveNats(stack.natsUrl, { app: stack.appPid, nats: stack.natsPid }, { subject: FLOOR_COMMAND_SUBJECT, body: () => body, succeeded: () => true }, options);
  } finally {
    await stack.stop();
  }
};

const measureCommandPath = async (options: LoadOptions): Promise<LoadFigures> => {
  const stack = await BenchStack.start();
  try {
    const request = { subject: 'cmd.hotel.book-room', body: distinctBookings(), succeeded: (status: string | undefined) => status === '201' };
    return await driveNats(stack.natsUrl, { app: stack.appPid, nats: stack.natsPid }, request, options);
  } finally {
    await stack.stop();
  }
};
