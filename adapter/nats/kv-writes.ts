import { headers } from '@nats-io/nats-core';
import type { JetStreamRequests } from './jetstream-requests';

/** The subject a bucket keeps `key` under: `$KV.<bucket>.<key>`. */
export const bucketKeySubject = (bucket: string, key: string): string => `$KV.${bucket}.${key}`;

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

/**
 * Writes `value` under `key` of a KV bucket if the key is at `revision` (0: never written), answering its new
 * revision; otherwise fails with a revision conflict (`RevisionTaken`, or JetStream's wrong last sequence).
 *
 * The write expects the key's revision and carries `Nats-Msg-Id: <key>@<revision>`. The expectation alone is
 * not enough on a replicated bucket before nats-server 2.9.21: its leader checks it against what it has
 * applied, not against writes still being replicated, so two writers at one revision could both be stored,
 * and the later one would drop what the earlier one applied. The message id makes the second one a
 * duplicate, which counts as the conflict it is.
 */
export const writeAtRevision = async (requests: JetStreamRequests, bucket: string, key: string, value: string, revision: number): Promise<number> => {
  const expectation = headers();
  expectation.set('Nats-Expected-Last-Subject-Sequence', String(revision));
  expectation.set('Nats-Msg-Id', `${key}@${revision}`);
  const ack = await requests.publish(bucketKeySubject(bucket, key), value, expectation);
  if (ack.duplicate) throw new RevisionTaken(key, revision);
  return ack.seq;
};
