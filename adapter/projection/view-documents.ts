import type { KV } from '@nats-io/kv';
import { headers } from '@nats-io/nats-core';
import type { JetStreamRequests } from '@adapter/nats/jetstream-requests';
import { bucketKeySubject } from './view-buckets';
import { isRevisionConflict } from './view-store';

/** What a view writer needs of a bucket: reads, and compare-and-set writes answering the key's new revision. */
export type ViewDocuments = Pick<KV, 'get' | 'create' | 'update'>;

/**
 * A view bucket whose writes go out as the app's own JetStream requests, with the compare-and-set
 * semantics of the KV client: `update` expects the key's revision, `create` expects no value (a deleted
 * or purged key counts as none). Reads stay with the KV client.
 */
export const viewDocuments = (requests: JetStreamRequests, bucket: string, kv: KV): ViewDocuments => {
  const update = async (key: string, value: Uint8Array | string, revision: number): Promise<number> => {
    const expectation = headers();
    expectation.set('Nats-Expected-Last-Subject-Sequence', String(revision));
    return (await requests.publish(bucketKeySubject(bucket, key), value, expectation)).seq;
  };
  return {
    get: (key) => kv.get(key),
    update,
    create: async (key, value) => {
      try {
        return await update(key, value, 0);
      } catch (error) {
        if (!isRevisionConflict(error)) throw error;
        const entry = await kv.get(key);
        if (entry?.operation === 'DEL' || entry?.operation === 'PURGE') return update(key, value, entry.revision);
        throw error;
      }
    },
  };
};
