import { isEffect, isProcess, isTimer, type Board } from '@libs/event-model/board';
import { APP_ROLE, frontOf, roleStreams } from '@libs/event-model/board-roles';
import type { NatsPermissions } from '@libs/nats-server/embedded-config';
import { DEAD_LETTER_STREAM, deadLetterSubject } from '@stream/dead-letter.stream';
import { OUTBOX_CHANNELS, OUTBOX_STREAM, outboxFilter, type OutboxChannel } from '@stream/outbox.stream';
import { TIMER_REGISTRY_BUCKET, timerRegistryFilter, timerSpace } from '@stream/timers.stream';
import { bucketKeySubject } from '@adapter/nats/kv-writes';
import { inboxPrefixOf } from '@adapter/nats/nats.client';
import { leaseKey, PROGRESS_BUCKET, viewBuckets } from '@adapter/projection/view-buckets';
import { consumerOf, sliceConsumer } from '@adapter/runtime/consumer-names';

const API = '$JS.API';

/** Reading a stream: its info, and its messages by sequence or by subject (direct gets, and gets from its leader). */
const readStream = (stream: string): string[] => [`${API}.STREAM.INFO.${stream}`, `${API}.DIRECT.GET.${stream}`, `${API}.DIRECT.GET.${stream}.>`, `${API}.STREAM.MSG.GET.${stream}`];

/** Following a stream with consumers of passing names or none (an ordered consumer, a KV watch, a bucket scan, a tail), deleted after. */
const followStream = (stream: string): string[] => [
  `${API}.CONSUMER.CREATE.${stream}`,
  `${API}.CONSUMER.CREATE.${stream}.>`,
  `${API}.CONSUMER.INFO.${stream}.>`,
  `${API}.CONSUMER.MSG.NEXT.${stream}.>`,
  `${API}.CONSUMER.DELETE.${stream}.>`,
];

/** Creating, reading from and acknowledging on one durable consumer, and dead-lettering what it gives up on. */
const durableConsumer = (stream: string, name: string): string[] => [
  `${API}.CONSUMER.CREATE.${stream}.${name}`,
  `${API}.CONSUMER.CREATE.${stream}.${name}.>`,
  `${API}.CONSUMER.INFO.${stream}.${name}`,
  `${API}.CONSUMER.MSG.NEXT.${stream}.${name}`,
  `$JS.ACK.${stream}.${name}.>`,
  deadLetterSubject(name),
];

/** The inbox prefix a role's process connects with: `_INBOX_<role>`. */
export const roleInboxPrefix = (role: string): string => {
  const prefix = inboxPrefixOf(role);
  if (!prefix) throw new Error(`role ${role} cannot name an inbox: a role's name is lower-case letters, digits and dashes`);
  return prefix;
};

/**
 * What a role's NATS user may do, derived from the slices it runs, and nothing else: a producer writes a stream,
 * a consumer reads it.
 *
 * - Publish to the subjects of the entities its slices store events on (in a decision's stream, a process step's),
 *   never to a stream it only reads.
 * - Ask only whether the streams it needs exist when it starts (the dead letters, the local outbox), never change them.
 * - Read, through JetStream's API, the streams it consumes (`sourceOf`) and those it decides on (a decider reads
 *   its own entities): their info, direct gets and gets by sequence; read no other stream.
 * - Create and read its own durable consumers only, acknowledge their messages, and dead-letter what they give up on.
 * - For its timers and effects: its own timers stream (`timerSpace`), its slices' registry keys and its
 *   scheduler's lease and cursor; for its processes, their leases in the projectors' bucket; an effect whose
 *   channel has no service configured delivers into that channel's part of the local outbox.
 * - For the front: the buckets of the views it queries and the pointers naming them, the commands of the boards
 *   it serves, and one reply to each (`allow_responses`).
 * - Its own inboxes, `_INBOX_<role>`, and JetStream's account info, which every client asks first.
 *
 * It may create, update or delete no stream and no bucket: the app's own role (the `app` user) makes them. The app's
 * own role runs with `appNatsPermissions`.
 */
export const roleNatsPermissions = (boards: readonly Board[], role: string): NatsPermissions => {
  if (role === APP_ROLE) throw new Error(`the ${APP_ROLE} role runs as the app's own user: use appNatsPermissions`);
  const { writesSubjects, reads, runs, queries } = roleStreams(boards, role);
  const served = boards.filter((board) => frontOf(board, boards) === role);
  const consumers = runs.flatMap((slice) => {
    const consumer = sliceConsumer(slice);
    return consumer ? durableConsumer(consumer.stream.name, consumer.name) : [];
  });
  const timed = runs.filter((slice) => isTimer(slice) || isEffect(slice));
  const space = timerSpace(role);
  const timers = timed.length === 0
    ? []
    : [
        ...space.subjects,
        ...readStream(space.stream),
        ...followStream(space.stream),
        `${API}.STREAM.PURGE.${space.stream}`,
        ...readStream(`KV_${TIMER_REGISTRY_BUCKET}`),
        ...timed.map(({ name }) => bucketKeySubject(TIMER_REGISTRY_BUCKET, timerRegistryFilter(name))),
        bucketKeySubject(TIMER_REGISTRY_BUCKET, `${space.scheduler}.>`),
      ];
  const outbox = [...new Set(runs.filter(isEffect).map(({ sender }) => sender.name))]
    .filter((name): name is OutboxChannel => (OUTBOX_CHANNELS as readonly string[]).includes(name))
    .map((channel) => outboxFilter(channel));
  const checked = [...(consumers.length > 0 ? [DEAD_LETTER_STREAM.name] : []), ...(outbox.length > 0 ? [OUTBOX_STREAM.name] : [])].map((stream) => `${API}.STREAM.INFO.${stream}`);
  const processes = runs.filter(isProcess).map((slice) => bucketKeySubject(PROGRESS_BUCKET, leaseKey(consumerOf(slice).name)));
  const progress = processes.length > 0 || queries.length > 0 ? [...readStream(`KV_${PROGRESS_BUCKET}`), ...followStream(`KV_${PROGRESS_BUCKET}`)] : [];
  const views = queries.flatMap(({ view }) => viewBuckets(view.name)).flatMap((bucket) => [...readStream(`KV_${bucket}`), ...followStream(`KV_${bucket}`)]);
  return {
    publish: unique([
      `${API}.INFO`,
      ...writesSubjects,
      ...reads.flatMap(({ name }) => readStream(name)),
      ...consumers,
      ...timers,
      ...outbox,
      ...checked,
      ...processes,
      ...progress,
      ...views,
    ]),
    subscribe: [...served.map(({ commandSubjects }) => commandSubjects), `${roleInboxPrefix(role)}.>`],
    ...(served.length > 0 ? { allowResponses: true } : {}),
  };
};

const unique = (subjects: readonly string[]): string[] => [...new Set(subjects)];
