import type { KV, KvEntry } from '@nats-io/kv';
import type { JetStreamRequests } from '@adapter/nats/jetstream-requests';
import type { NatsClient } from '@adapter/nats/nats.client';
import { writeAtRevision } from '@adapter/nats/kv-writes';

/** What a view writer needs of a bucket. */
export interface ViewDocuments {
  get(key: string): Promise<KvEntry | null>;
  /**
   * Writes `value` if the key is at `revision` (0: the key has never been written), answering its new revision;
   * otherwise fails with a revision conflict (`isRevisionConflict`).
   */
  write(key: string, value: string, revision: number): Promise<number>;
}

/** A view bucket whose writes go out as the app's own JetStream requests, compare-and-set (`writeAtRevision`); reads stay with the KV client. */
export const viewDocuments = (requests: JetStreamRequests, bucket: string, kv: KV): ViewDocuments => ({
  get: (key) => kv.get(key),
  write: (key, value, revision) => writeAtRevision(requests, bucket, key, value, revision),
});

/**
 * An existing view bucket as its writer uses it, read from the bucket's leader: a compare-and-set made on the
 * revision a lagging replica answered with (a direct get) fails, and keeps failing while that replica answers.
 */
export const leaderDocuments = async (nats: NatsClient, bucket: string): Promise<ViewDocuments> => viewDocuments(nats.requests, bucket, await nats.kvm.open(bucket));
