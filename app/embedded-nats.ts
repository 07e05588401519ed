import { join } from 'node:path';
import { isStateView, type Board } from '@libs/event-model/board';
import { APP_ROLE, rolesKeepingTime, rolesOf } from '@libs/event-model/board-roles';
import type { NatsPermissions } from '@libs/nats-server/embedded-config';
import { EMBEDDED_FILES, EMBEDDED_USERS, roleUrlFileName, startEmbeddedServer, type EmbeddedServer } from '@libs/nats-server/embedded-server';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { OUTBOX_STREAM } from '@stream/outbox.stream';
import { TIMER_REGISTRY_BUCKET, timerSpace } from '@stream/timers.stream';
import { APP_INBOX_PREFIX } from '@adapter/nats/nats.client';
import { bucketKeySubject } from '@adapter/nats/kv-writes';
import { PROGRESS_BUCKET, viewBuckets } from '@adapter/projection/view-buckets';
import { roleNatsPermissions } from './role-permissions';

/** The account of the embedded server that holds the boards' streams, buckets and users. */
export const EMBEDDED_ACCOUNT = 'APP';

/**
 * The KV buckets the app writes: two per state view of every board, the one it lives in and the one a
 * blue/green rebuild fills (`view-<name>` and `view-<name>-green`).
 */
export const viewBucketsOf = (boards: readonly Board[]): readonly string[] =>
  boards.flatMap(({ slices }) => slices.filter(isStateView)).flatMap(({ view }) => viewBuckets(view.name));

/**
 * Exactly what the app does when it runs every role in one process: JetStream's API (streams, consumers, buckets, direct gets),
 * acknowledgements and flow-control answers, appends to its boards' streams, writes to their view buckets,
 * to the projectors' leases and checkpoints, to every role's timers and their registry, and to the local outbox; it listens to its boards' commands
 * and to its own inboxes. It publishes to no inbox but as the one reply to a request it received (`allow_responses`).
 */
export const appNatsPermissions = (boards: readonly Board[]): NatsPermissions => ({
  publish: [
    '$JS.API.>',
    '$JS.ACK.>',
    '$JS.FC.>',
    ...boards.flatMap(({ streams }) => streams.flatMap(({ subjects }) => subjects)),
    ...DEAD_LETTER_STREAM.subjects,
    ...rolesKeepingTime(boards).flatMap((role) => timerSpace(role).subjects),
    ...OUTBOX_STREAM.subjects,
    ...[...viewBucketsOf(boards), PROGRESS_BUCKET, TIMER_REGISTRY_BUCKET].map((bucket) => bucketKeySubject(bucket, '>')),
  ],
  subscribe: [...boards.map(({ commandSubjects }) => commandSubjects), `${APP_INBOX_PREFIX}.>`],
  allowResponses: true,
});

/** The inbox prefix a command sender must connect with (nats.js `inboxPrefix`, `nats --inbox-prefix`): `_INBOX_command-sender`. */
export const COMMAND_SENDER_INBOX_PREFIX = `_INBOX_${EMBEDDED_USERS.commandSender}`;

/** A command sender sends the boards' commands and reads the replies in its own inboxes, nothing else. */
export const commandSenderNatsPermissions = (boards: readonly Board[]): NatsPermissions => ({
  publish: boards.map(({ commandSubjects }) => commandSubjects),
  subscribe: [`${COMMAND_SENDER_INBOX_PREFIX}.>`],
});

/** The embedded server's folder: `<dataDir>/nats`. */
const embeddedNatsDir = (dataDir: string): string => join(dataDir, 'nats');

/** The file holding the operator's login URL of the embedded server's current run (mode 0600). */
export const operatorUrlFile = (dataDir: string): string => join(embeddedNatsDir(dataDir), EMBEDDED_FILES.operatorUrl);

/** The file holding a role's login URL of the embedded server's current run (mode 0600): what a process running the role apart connects with. */
export const roleUrlFile = (dataDir: string, role: string): string => join(embeddedNatsDir(dataDir), roleUrlFileName(role));

/**
 * Starts the app's own nats-server under `<dataDir>/nats`, with the app's users and their permissions for `boards`:
 * one user per role the boards declare (the app's own role is the `app` user).
 */
export const startEmbeddedNats = (dataDir: string, port: number, boards: readonly Board[]): Promise<EmbeddedServer> =>
  startEmbeddedServer({
    dir: embeddedNatsDir(dataDir),
    port,
    account: EMBEDDED_ACCOUNT,
    appPermissions: appNatsPermissions(boards),
    commandSenderPermissions: commandSenderNatsPermissions(boards),
    roles: rolesOf(boards)
      .filter(({ name }) => name !== APP_ROLE)
      .map(({ name }) => ({ name, permissions: roleNatsPermissions(boards, name) })),
  });
