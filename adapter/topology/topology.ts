import { DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import type { NatsClient } from '@adapter/nats/nats.client';

const TWO_MINUTES_NS = 120_000_000_000;

/**
 * The configuration of an event stream: file storage (the expected-sequence check is linear
 * in the stream's size on memory storage), direct gets for entity reads, nothing deleted.
 */
export const eventStreamConfig = (
  name: string,
  subjects: readonly string[],
  replicas: number,
): Partial<StreamConfig> & { name: string } => ({
  name,
  subjects: [...subjects],
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  discard: DiscardPolicy.Old,
  max_age: 0,
  max_msgs: -1,
  max_bytes: -1,
  duplicate_window: TWO_MINUTES_NS,
  allow_direct: true,
  deny_delete: true,
  deny_purge: true,
  num_replicas: replicas,
});

/** Dead letters are kept, but operators may purge them once re-driven. */
export const deadLetterStreamConfig = (
  name: string,
  subjects: readonly string[],
  replicas: number,
): Partial<StreamConfig> & { name: string } => ({
  ...eventStreamConfig(name, subjects, replicas),
  deny_purge: false,
  deny_delete: false,
});

/** Creates the stream, or brings an existing one to this configuration. */
export const ensureStream = async (nats: NatsClient, config: Partial<StreamConfig> & { name: string }): Promise<void> => {
  const name = config.name;
  const existing = await nats.jsm.streams.info(name).catch(() => null);
  if (!existing) {
    await nats.jsm.streams.add(config);
    return;
  }
  const { name: _name, storage: _storage, ...changes } = config;
  await nats.jsm.streams.update(name, { ...existing.config, ...changes });
};
