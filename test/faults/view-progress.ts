import { setTimeout as sleep } from 'node:timers/promises';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { Kvm } from '@nats-io/kv';
import { ActiveViewBucket, checkpointKey, PROGRESS_BUCKET } from '@adapter/projection/view-buckets';
import { viewsOf } from '@libs/event-model/board';
import { BOARDS } from '@app/boards';

/**
 * Views that have not yet applied the last message of the stream they read, each with where it stands.
 * A view's progress is the checkpoint of its active bucket in the projectors' bucket: the stream sequence
 * through which its lease holder has applied and stored every document there.
 */
export const viewsBehind = async (jsm: JetStreamManager, kvm: Kvm): Promise<string[]> => {
  const progress = await kvm.open(PROGRESS_BUCKET);
  const behind: string[] = [];
  for (const { name, subjects, stream } of viewsOf(BOARDS)) {
    const last = (await jsm.streams.getMessage(stream.name, { last_by_subj: subjects }))?.seq ?? 0;
    const { bucket } = await new ActiveViewBucket(progress, name).read();
    const checkpoint = Number((await progress.get(checkpointKey(name, bucket)))?.string() ?? 0);
    if (checkpoint < last) behind.push(`view ${name} at ${checkpoint} of ${last}`);
  }
  return behind;
};

/** Polls until every view has applied the last message it reads; fails naming those still behind. */
export const viewsCaughtUp = async (nats: { readonly jsm: JetStreamManager; readonly kvm: Kvm }, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const behind = await viewsBehind(nats.jsm, nats.kvm).catch((error: unknown) => [`no answer (${String(error)})`]);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`the views did not catch up within ${timeoutMs} ms: ${behind.join('; ')}`);
    await sleep(250);
  }
};
