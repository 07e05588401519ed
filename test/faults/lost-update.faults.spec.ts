import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { headers as natsHeaders } from '@nats-io/nats-core';
import type { NextMsgRequest, SeqMsgRequest } from '@nats-io/jetstream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { HOTEL_STREAM, roomDaySubject } from '@stream/hotel.stream';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { WrongExpectedSequence } from '@libs/event-store/event-store';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { NatsClient } from '@adapter/nats/nats.client';
import { ensureStream, eventStreamConfig } from '@adapter/topology/topology';
import { viewDocuments } from '@adapter/projection/view-documents';
import { isRevisionConflict } from '@adapter/projection/view-store';
import { NatsCluster } from '@libs/testing/nats-cluster';
import { booking, cleanup } from '@test/hotel.requests';
import { putJson, startClusterApp, type ClusterApp } from './cluster-app';

/** A replicated stream of its own, so raw test messages never reach the app's consumers. */
const PROBE_STREAM: EventStreamDefinition = { ...HOTEL_STREAM, name: 'LOST_UPDATE_PROBE', subjects: ['probe.>'] };
const WRITERS = 4;
const ROUNDS = 150;
const context = { source: '/lost-update-probe', correlationId: 'probe', causationId: 'probe' };
const booked = (clientId: string): HotelEvent => ({ type: 'RoomBooked', data: { roomId: 'probe', clientId, date: '2030-01-01' } });

/**
 * nats-server before 2.9.21 checks `Nats-Expected-Last-Subject-Sequence` on a replicated stream only
 * against what the leader has applied, not against proposals still in flight (nats-server issue 4320):
 * concurrent writers at the same expected sequence (above 0) can all be stored. These specs measure
 * that on the server we run and prove the event store and the app let one writer win per sequence.
 */
describe('concurrent writers on an R3 stream of a 3-node cluster (nats-server issue 4320)', () => {
  let cluster: NatsCluster;
  let writers: NatsClient[];

  beforeAll(async () => {
    cluster = await NatsCluster.start();
    writers = await Promise.all(Array.from({ length: WRITERS }, (_, index) => NatsClient.connect({ servers: cluster.urls, name: `writer-${index}` })));
    await ensureStream(writers[0]!, eventStreamConfig(PROBE_STREAM.name, PROBE_STREAM.subjects, 3));
  });

  afterAll(async () => {
    await Promise.all((writers ?? []).map((writer) => writer.close()));
    await cluster?.dispose();
  });

  /** Messages stored on a subject, as the stream's leader has them (a replica answering a direct get may lag behind). */
  const storedOn = async (stream: string, subject: string): Promise<number> => {
    const probe = writers[0]!;
    let count = 0;
    for (let sequence = 0; ; count++) {
      const request: SeqMsgRequest & NextMsgRequest = { seq: sequence + 1, next_by_subj: subject };
      const message = await probe.jsm.streams.getMessage(stream, request);
      if (!message) return count;
      sequence = message.seq;
    }
  };

  it('measures raw publishes with only an expected subject sequence (no Nats-Msg-Id): the server stores every one it acknowledges; test-artifacts/lost-update.json says how many rounds had several winners', async () => {
    const winnersPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const subject = `probe.raw.${round}`;
      const seed = await writers[0]!.js.publish(subject, 'seed');
      const answers = await Promise.allSettled(
        writers.map((writer, index) => {
          const headers = natsHeaders();
          headers.set('Nats-Expected-Last-Subject-Sequence', String(seed.seq));
          return writer.js.publish(subject, `writer ${index}`, { headers });
        }),
      );
      const winners = answers.filter((answer) => answer.status === 'fulfilled').length;
      expect(await storedOn(PROBE_STREAM.name, subject)).toBe(1 + winners);
      winnersPerRound.push(winners);
    }
    const severalWinners = winnersPerRound.filter((winners) => winners > 1).length;
    await report({ server: writers[0]!.connection.info?.version ?? 'unknown', writers: WRITERS, rounds: ROUNDS, roundsWithSeveralWinners: severalWinners, mostWinners: Math.max(...winnersPerRound) });
    expect(winnersPerRound.every((winners) => winners >= 1)).toBe(true);
  });

  it(`lets exactly one of ${WRITERS} concurrent JetStreamEventStore appends win at each expected sequence, 0 and above, over ${ROUNDS} rounds, and stores one message per win`, async () => {
    const stores = writers.map((writer) => new JetStreamEventStore(writer));
    const contend = async (subject: string, expectedSequence: number): Promise<number> => {
      const answers = await Promise.allSettled(
        stores.map((store, index) => store.append(PROBE_STREAM, subject, [booked(String(index))], { ...context, expectedSequence })),
      );
      const losers = answers.filter((answer): answer is PromiseRejectedResult => answer.status === 'rejected');
      expect(losers.map(({ reason }: { reason: unknown }) => reason instanceof WrongExpectedSequence)).toEqual(Array(WRITERS - 1).fill(true));
      const [winner] = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
      return winner!.sequence;
    };
    for (let round = 0; round < ROUNDS; round++) {
      const subject = `probe.store.${round}`;
      const first = await contend(subject, 0);
      await contend(subject, first);
      expect(await storedOn(PROBE_STREAM.name, subject)).toBe(2);
    }
  });

  it(`lets exactly one of ${WRITERS} concurrent view-document writes win at each revision of an R3 bucket, new keys and existing ones, over ${ROUNDS} rounds`, async () => {
    const bucket = 'view-lost-update-probe';
    const kv = await writers[0]!.kvm.create(bucket, { history: 64, replicas: 3, storage: 'file' });
    const documents = writers.map((writer) => viewDocuments(writer.requests, bucket, kv));
    const contend = async (key: string, revision: number): Promise<number> => {
      const answers = await Promise.allSettled(documents.map((document, index) => document.write(key, `writer ${index}`, revision)));
      const winners = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
      const losers = answers.filter((answer): answer is PromiseRejectedResult => answer.status === 'rejected');
      expect(losers.filter(({ reason }: { reason: unknown }) => !isRevisionConflict(reason)).map(({ reason }: { reason: unknown }) => String(reason))).toEqual([]);
      expect(winners).toHaveLength(1);
      return winners[0]!;
    };
    for (let round = 0; round < ROUNDS; round++) {
      const key = `k${round}`;
      const first = await contend(key, 0);
      await contend(key, first);
      expect(await storedOn(`KV_${bucket}`, `$KV.${bucket}.${key}`)).toBe(2);
    }
  });

  describe('through the app (two instances on the cluster, each answering concurrent requests)', () => {
    const APP_ROUNDS = 40;
    const PER_APP = 4;
    let apps: ClusterApp[];

    beforeAll(async () => {
      apps = [await startClusterApp(cluster.urls)];
      apps.push(await startClusterApp(cluster.urls));
    });

    afterAll(async () => {
      await Promise.all((apps ?? []).map((app) => app.close()));
    });

    const race = (path: string, bodyOf: (client: number) => unknown): Promise<number[]> =>
      Promise.all(apps.flatMap((app, instance) => Array.from({ length: PER_APP }, (_, index) => putJson(`${app.baseUrl}${path}`, bodyOf(instance * PER_APP + index + 1)))));
    const dateOf = (round: number): string => new Date(Date.UTC(2031, 0, 1 + round)).toISOString().slice(0, 10);
    const roomOf = (round: number): number => 1 + (round % 5);
    const sorted = (statuses: number[]): number[] => [...statuses].sort((a, b) => a - b);
    const storedTypes = async (subject: string, type: HotelEvent['type']): Promise<number> =>
      (await new JetStreamEventStore(writers[0]!).read<HotelEvent>(HOTEL_STREAM, subject)).events.filter(({ event }) => event.type === type).length;

    it(`answers exactly one 201 to ${2 * PER_APP} concurrent bookings of one room-day by different clients, over ${APP_ROUNDS} room-days, and stores one booking each`, async () => {
      for (let round = 0; round < APP_ROUNDS; round++) {
        const statuses = await race('/mutation/book-room', (client) => booking(roomOf(round), `guest-${client}`, dateOf(round)));
        expect(sorted(statuses)).toEqual([201, ...Array(2 * PER_APP - 1).fill(409)]);
        expect(await storedTypes(roomDaySubject(String(roomOf(round)), dateOf(round)), 'RoomBooked')).toBe(1);
      }
    });

    it(`answers exactly one 201 to ${2 * PER_APP} concurrent cleanups of one booked and scheduled room-day (an expected sequence above 0), over ${APP_ROUNDS} room-days`, async () => {
      for (let round = 0; round < APP_ROUNDS; round++) {
        const subject = roomDaySubject(String(roomOf(round)), dateOf(round));
        await scheduled(subject, () => storedTypes(subject, 'CleanupScheduled'));
        const statuses = await race('/mutation/cleanup', () => cleanup(roomOf(round), dateOf(round)));
        expect(sorted(statuses)).toEqual([201, ...Array(2 * PER_APP - 1).fill(409)]);
        expect(await storedTypes(subject, 'RoomCleanedUp')).toBe(1);
        expect(await storedOn(HOTEL_STREAM.name, subject)).toBe(3);
      }
    });
  });
});

/** Waits until the bot has scheduled the cleaning of a booked room-day. */
const scheduled = async (subject: string, schedules: () => Promise<number>): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while ((await schedules()) < 1) {
    if (Date.now() > deadline) throw new Error(`the cleaning of ${subject} was never scheduled`);
    await sleep(50);
  }
};

const report = async (measured: Record<string, number | string>): Promise<void> => {
  const folder = join(process.cwd(), 'test-artifacts');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'lost-update.json'), `${JSON.stringify({ stream: 'R3, file storage', ...measured, at: new Date().toISOString() }, null, 2)}\n`);
};
