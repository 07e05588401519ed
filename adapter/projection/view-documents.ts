import type { KV, KvEntry } from '@nats-io/kv';
import { headers } from '@nats-io/nats-core';
import type { JetStreamRequests } from '@adapter/nats/jetstream-requests';
import { bucketKeySubject } from './view-buckets';

/** What a view writer needs of a bucket. */
export interface ViewDocuments {
  get(key: string): Promise<KvEntry | null>;
  /** Writes `value` if the key is at `revision` (0: the key has never been written), answering its new revision. */
  write(key: string, value: string, revision: number): Promise<number>;
}

/** A view bucket whose writes go out as the app's own JetStream requests; reads stay with the KV client. */
export const viewDocuments = (requests: JetStreamRequests, bucket: string, kv: KV): ViewDocuments => ({
  get: (key) => kv.get(key),
  write: async (key, value, revision) => {
    const expectation = headers();
    expectation.set('Nats-Expected-Last-Subject-Sequence', String(revision));
    return (await requests.publish(bucketKeySubject(bucket, key), value, expectation)).seq;
  },
});
