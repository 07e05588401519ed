import { performance } from 'node:perf_hooks';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, StorageType, type JetStreamClient } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { BenchSection } from './support/results';
import { round } from './support/stats';
import { startTempNats } from './support/temp-nats';

export interface PublishRatesOptions {
  readonly messages: number;
  /** Publishes in flight at once in the pipelined runs. */
  readonly window: number;
}

type Headers = 'none' | 'expect' | 'expect + msg-id';
const HEADERS: readonly Headers[] = ['none', 'expect', 'expect + msg-id'];

interface Run {
  readonly mode: 'awaited' | 'pipelined';
  readonly headers: Headers;
  readonly messagesPerSecond: number;
}

// About the size of a RoomBooked CloudEvent, so that the server writes what the app writes.
const PAYLOAD = new TextEncoder().encode(JSON.stringify({ specversion: '1.0', type: 'RoomBooked', padding: 'x'.repeat(300) }));

/**
 * The physical floor of appends: raw nats.js publishes to a fresh stream on file storage, one
 * subject per message (as one room-day per booking), awaited one at a time or pipelined.
 * `expect` sets Nats-Expected-Last-Subject-Sequence (0: a new subject), as every command does.
 */
export const publishRatesBench = async (options: PublishRatesOptions): Promise<BenchSection> => {
  const server = await startTempNats('rates');
  const nc = await connect({ servers: server.url });
  const runs: Run[] = [];
  try {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    for (const mode of ['awaited', 'pipelined'] as const) {
      for (const headers of HEADERS) {
        const prefix = `rates.${runs.length}`;
        await jsm.streams.add({ name: `RATES_${runs.length}`, subjects: [`${prefix}.>`], storage: StorageType.File });
        const window = mode === 'awaited' ? 1 : options.window;
        const seconds = await publishAll(js, prefix, headers, options.messages, window);
        runs.push({ mode, headers, messagesPerSecond: round(options.messages / seconds, 0) });
      }
    }
  } finally {
    await nc.close();
    await server.stop();
  }
  return {
    title: 'Publish rates: raw nats.js to JetStream (file storage, loopback)',
    command: 'npm run bench -- publish-rates',
    figures: { ...options, runs },
    table: [['mode', 'headers', 'messages', 'msgs/s'], ...runs.map((run) => [run.mode === 'awaited' ? 'awaited, 1 in flight' : `pipelined, ${options.window} in flight`, run.headers, options.messages, run.messagesPerSecond])],
    notes: [
      'One fresh stream per run on one nats-server; one new subject per message; a payload of about 360 bytes.',
      '`expect`: Nats-Expected-Last-Subject-Sequence: 0; `msg-id`: Nats-Msg-Id `<subject>@0`, as the event store sends both.',
      'The publisher runs in the bench process, nats-server in its own.',
    ],
  };
};

/** Publishes `count` messages keeping `window` in flight; returns the seconds it took. */
const publishAll = async (js: JetStreamClient, prefix: string, headers: Headers, count: number, window: number): Promise<number> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const subject = `${prefix}.${next++}`;
      await js.publish(subject, PAYLOAD, { headers: headersFor(subject, headers) });
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: window }, worker));
  return (performance.now() - start) / 1_000;
};

const headersFor = (subject: string, kind: Headers): MsgHdrs | undefined => {
  if (kind === 'none') return undefined;
  const headers = natsHeaders();
  headers.set('Nats-Expected-Last-Subject-Sequence', '0');
  if (kind === 'expect + msg-id') headers.set('Nats-Msg-Id', `${subject}@0`);
  return headers;
};
