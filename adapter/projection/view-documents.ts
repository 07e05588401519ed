import type { KV, KvEntry } from '@nats-io/kv';
import { headers } from '@nats-io/nats-core';
import type { JetStreamRequests } from '@adapter/nats/jetstream-requests';
import { bucketKeySubject } from './view-buckets';

/** What a view writer needs of a bucket. */
export interface ViewDocuments {
  get(key: string): Promise<KvEntry | null>;
  /**
   * Writes `value` if the key is at `revision` (0: the key has never been written), answering its new revision;
   * otherwise fails with a revision conflict (`isRevisionConflict`).
   */
  write(key: string, value: string, revision: number): Promise<number>;
}

/**
 * A view bucket whose writes go out as the app's own JetStream requests; reads stay with the KV client.
 *
 * A write expects the key's revision and carries `Nats-Msg-Id: <key>@<revision>`. The expectation alone is
 * not enough on a replicated bucket before nats-server 2.9.21: its leader checks it against what it has
 * applied, not against writes still being replicated, so two writers at one revision could both be stored,
 * and the later one would drop what the earlier one applied. The message id makes the second one a
 * duplicate, which counts as the conflict it is: the writer reads the key again and folds on what won.
 */
export const viewDocuments = (requests: JetStreamRequests, bucket: string, kv: KV): ViewDocuments => ({
  get: (key) => kv.get(key),
  write: async (key, value, revision) => {
    const expectation = headers();
    expectation.set('Nats-Expected-Last-Subject-Sequence', String(revision));
    expectation.set('Nats-Msg-Id', `${key}@${revision}`);
    const ack = await requests.publish(bucketKeySubject(bucket, key), value, expectation);
    if (ack.duplicate) throw new RevisionTaken(key, revision);
    return ack.seq;
  },
});

/** Another write at the same revision of the key was stored first (a rival, or an earlier try of this one): read the key again. */
export class RevisionTaken extends Error {
  constructor(
    readonly key: string,
    readonly revision: number,
  ) {
    super(`${key} was written at revision ${revision} already`);
    this.name = 'RevisionTaken';
  }
}
