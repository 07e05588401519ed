import type { KV } from '@nats-io/kv';
import { keyPatternProblem } from '@adapter/live/key-pattern';
import { activeBucketOf } from '@adapter/projection/view-rebuild';
import { decodeViewEntry } from '@adapter/projection/view-store';
import type { NatsClient } from '@adapter/nats/nats.client';
import { CliError, UsageError } from '../cli-error';
import type { CliCommand } from '../cli-command';
import { findView } from '../cli-sources';
import { compareIds } from '@libs/ids/entity-id';

/** A view's current documents: one key, a key pattern, or all of them. */
export const viewCommand: CliCommand = {
  name: 'view',
  arguments: '<view> [key]',
  summary: "a view's current value under a key, or under every key matching a pattern (all without one)",
  details:
    "Reads the view's active bucket (the one its pointer names, as the app does) and prints each document as one JSON line:\n" +
    '{"key","revision","position","updatedAt","view"}, where position is the last stream sequence applied to it and revision\n' +
    "the bucket's own. [key] is a key (1.2022-12-12) or a pattern: `*` for one dot-separated token, `>` last for the rest.",
  example: 'npx nats-event-model view booking-board 1.2022-12-12',
  flags: [],
  positionals: { min: 1, max: 2 },
  run: async ({ out, nats }, { positionals: [name = '', key = '>'] }) => {
    const { view, bucket } = await openViewAt(nats, name, key);
    const keys = key.includes('*') || key.includes('>') ? await matchingKeys(bucket, key) : [key];
    let shown = 0;
    for (const matched of keys) {
      const entry = decodeViewEntry(await bucket.get(matched));
      if (!entry) continue;
      out.json({ key: matched, revision: entry.revision, position: entry.position, updatedAt: entry.updatedAt, view: entry.view });
      shown++;
    }
    if (shown === 0) throw new CliError(`view ${view} has no document under ${key}`);
  },
};

/**
 * The view `name` names and the bucket it lives in right now, to read `key` (a key or a pattern) there.
 * The name and the key are checked before NATS is reached.
 */
export const openViewAt = async (nats: () => Promise<NatsClient>, name: string, key: string): Promise<{ view: string; bucket: KV }> => {
  const view = findView(name).name;
  const problem = keyPatternProblem(key);
  if (problem) throw new UsageError(problem);
  return { view, bucket: await openActiveBucket(await nats(), view) };
};

const openActiveBucket = async (nats: NatsClient, view: string): Promise<KV> => {
  const active = await activeBucketOf(nats, view).catch((error: unknown) => {
    throw new CliError(`cannot read where view ${view} lives (${String(error)}): has the app run on this server yet?`);
  });
  return nats.kvm.open(active.bucket);
};

const matchingKeys = async (bucket: KV, pattern: string): Promise<string[]> => {
  const keys: string[] = [];
  for await (const key of await bucket.keys(pattern)) keys.push(key);
  return keys.sort(compareIds);
};
