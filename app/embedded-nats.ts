import { join } from 'node:path';
import type { NatsPermissions } from '@libs/nats-server/embedded-config';
import { EMBEDDED_FILES, startEmbeddedServer, type EmbeddedServer } from '@libs/nats-server/embedded-server';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM, hotelCommandSubjectFilter } from '@stream/hotel.stream';
import { HOTEL_VIEWS } from '@feature/hotel/hotel.views';
import { COMMAND_REPLY_PREFIX } from '@adapter/command/nats-command.server';
import { APP_INBOX_PREFIX } from '@adapter/nats/nats.client';
import { bucketKeySubject, PROGRESS_BUCKET, viewBuckets } from '@adapter/projection/view-buckets';

/** The account of the embedded server that holds the hotel's streams, buckets and users. */
export const EMBEDDED_ACCOUNT = 'APP';

/**
 * The KV buckets the app writes: two per state view, the one it lives in and the one a blue/green rebuild fills
 * (`view-<name>` and `view-<name>-green`). A new view slice adds its projection to HOTEL_VIEWS.
 */
export const VIEW_BUCKETS: readonly string[] = HOTEL_VIEWS.flatMap((view) => viewBuckets(view.name));

/**
 * Exactly what the app does on NATS: JetStream's API (streams, consumers, buckets, direct gets),
 * acknowledgements and flow-control answers, appends to its streams, writes to its view buckets and
 * to the projectors' leases and checkpoints, replies to command senders' inboxes; it listens to its
 * commands and to its own inboxes.
 */
export const appNatsPermissions = (): NatsPermissions => ({
  publish: [
    '$JS.API.>',
    '$JS.ACK.>',
    '$JS.FC.>',
    ...HOTEL_STREAM.subjects,
    ...DEAD_LETTER_STREAM.subjects,
    ...[...VIEW_BUCKETS, PROGRESS_BUCKET].map((bucket) => bucketKeySubject(bucket, '>')),
    `${COMMAND_REPLY_PREFIX}>`,
  ],
  subscribe: [hotelCommandSubjectFilter(), `${APP_INBOX_PREFIX}.>`],
});

/** A command sender sends the hotel's commands and reads the replies, nothing else. */
export const commandSenderNatsPermissions = (): NatsPermissions => ({
  publish: [hotelCommandSubjectFilter()],
  subscribe: [`${COMMAND_REPLY_PREFIX}>`],
});

/** The embedded server's folder: `<dataDir>/nats`. */
const embeddedNatsDir = (dataDir: string): string => join(dataDir, 'nats');

/** The file holding the operator's login URL of the embedded server's current run (mode 0600). */
export const operatorUrlFile = (dataDir: string): string => join(embeddedNatsDir(dataDir), EMBEDDED_FILES.operatorUrl);

/** Starts the app's own nats-server under `<dataDir>/nats`, with the app's users and their permissions. */
export const startEmbeddedNats = (dataDir: string, port: number): Promise<EmbeddedServer> =>
  startEmbeddedServer({
    dir: embeddedNatsDir(dataDir),
    port,
    account: EMBEDDED_ACCOUNT,
    appPermissions: appNatsPermissions(),
    commandSenderPermissions: commandSenderNatsPermissions(),
  });
