import { DeliverPolicy } from '@nats-io/jetstream';
import type { NatsClient } from '@adapter/nats/nats.client';
import { bucketKeySubject } from '@adapter/nats/kv-writes';

/** One entry of a KV bucket as a scan reads it: its key, its bucket revision, and its value (`null` once deleted or purged). */
export interface ScannedEntry {
  readonly key: string;
  readonly revision: number;
  readonly value: string | null;
}

export interface BucketScan {
  /** Keys matching this pattern (`>` for all). */
  readonly pattern: string;
  /** Every change after this bucket revision, in order; without it, the latest entry of each key. */
  readonly after?: number;
}

/** Messages per pull while scanning. */
const SCAN_BATCH = 256;

/**
 * Reads a KV bucket in one pass of a short-lived consumer on its stream, a batch of entries per round trip,
 * instead of one request per key: the latest entry of every key matching the pattern, or every change after
 * a revision. Entries come in revision order.
 */
export const scanBucket = async (nats: NatsClient, bucket: string, scan: BucketScan, each: (entry: ScannedEntry) => void): Promise<void> => {
  const prefix = `$KV.${bucket}.`;
  const consumer = await nats.js.consumers.get(`KV_${bucket}`, {
    filter_subjects: bucketKeySubject(bucket, scan.pattern),
    ...(scan.after === undefined ? { deliver_policy: DeliverPolicy.LastPerSubject } : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: scan.after + 1 }),
  });
  try {
    if ((await consumer.info(true)).num_pending === 0) return;
    for (;;) {
      let received = 0;
      for await (const message of await consumer.fetch({ max_messages: SCAN_BATCH, expires: 2_000 })) {
        received++;
        const operation = message.headers?.get('KV-Operation') || 'PUT';
        const body = message.string();
        each({ key: message.subject.slice(prefix.length), revision: message.seq, value: operation !== 'PUT' || body.length === 0 ? null : body });
        // The consumer is deleted right after, so leaving its last pull request early costs nothing.
        if (message.info.pending === 0) return;
      }
      if (received === 0) return;
    }
  } finally {
    await consumer.delete().catch(() => undefined);
  }
};
