import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@nestjs/common';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { Projection } from '@libs/decider/projection';
import { StateCache } from '@libs/cache/state-cache';
import { causedBy, runOperation } from '@adapter/telemetry/operation-context';
import type { ViewDocuments } from './view-documents';
import { decodeViewEntry, encodeViewEntry, isRevisionConflict, type StoredViewEntry } from './view-store';

/**
 * Applies a run of a stream's events to a view's documents: the run is folded per key in memory,
 * and each key is written once, with compare-and-set on its revision, keys side by side.
 *
 * Why a view applies each event exactly once, in order, whoever writes: a document records the
 * sequence of the last event applied to it, and holds every event of its key up to there. A
 * writer reads the stream without gaps from a checkpoint through which all documents are complete,
 * so for any key it holds every event after the document's position; it folds only those, onto
 * the document it read, and the write succeeds only if nobody wrote the key since. A writer that
 * lost the race, or a former holder waking up late with an old batch, reads the key again and
 * finds its events already applied: it writes nothing.
 */
export class ViewWriter<E extends Message<string, unknown>, D> {
  constructor(
    private readonly projection: Projection<E, D>,
    private readonly logger: Logger,
    private readonly keepTrying: () => boolean,
  ) {}

  /** Applies `events` (in stream order) to `bucket`; `cache` saves reads while this writer is the only one. */
  async apply(bucket: ViewDocuments, events: readonly RecordedEvent<E>[], cache?: StateCache<StoredViewEntry<D>>): Promise<void> {
    const byKey = new Map<string, RecordedEvent<E>[]>();
    for (const recorded of events) {
      const key = this.projection.keyOf(recorded.event);
      if (key === undefined) continue;
      const keyed = byKey.get(key);
      if (keyed) keyed.push(recorded);
      else byKey.set(key, [recorded]);
    }
    const keys = [...byKey];
    const worker = async (): Promise<void> => {
      for (let next = keys.pop(); next; next = keys.pop()) {
        const [key, keyed] = next;
        const last = keyed.at(-1);
        if (last) await runOperation(causedBy(last.metadata), () => this.applyToKey(bucket, key, keyed, cache));
      }
    };
    await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, keys.length) }, worker));
  }

  /**
   * Folds one key's events onto its document and writes it, expecting the key's revision. A key not in
   * the cache is first written as new (revision 0), which is a single round trip for the new keys of a
   * catch-up; if it exists after all, it is read (a deleted key has a revision and no document).
   * A document left as it was writes nothing. Its logs name the last of the key's events as their cause.
   */
  private async applyToKey(bucket: ViewDocuments, key: string, events: readonly RecordedEvent<E>[], cache?: StateCache<StoredViewEntry<D>>): Promise<void> {
    let current: StoredViewEntry<D> | null | undefined = cache?.get(key)?.state;
    let expected = current?.revision ?? 0;
    for (let attempt = 0; ; attempt++) {
      try {
        const position = current?.position ?? 0;
        const unapplied = events.filter((recorded) => recorded.metadata.sequence > position);
        const last = unapplied.at(-1);
        if (!last) return;
        const view = unapplied.reduce<D | null>((document, recorded) => this.projection.evolve(document, recorded), current?.view ?? null);
        if (view === null || view === current?.view) return;
        const entry = { position: last.metadata.sequence, updatedAt: new Date().toISOString(), view };
        const value = encodeViewEntry(entry);
        const revision = await bucket.write(key, value, expected);
        cache?.set(key, { ...entry, revision }, revision);
        return;
      } catch (error) {
        if (!isRevisionConflict(error)) {
          if (!this.keepTrying()) throw error;
          this.logger.warn({ message: 'view write failed, retrying', key, attempt, error: String(error) });
          await sleep(Math.min(100 * 2 ** attempt, 5_000));
        } else if (attempt > 0) {
          // Lost again: the replica that answers reads may not have the winning write yet.
          await sleep(Math.min(5 * 2 ** attempt, 250));
        }
        ({ current, expected } = await this.read(bucket, key));
      }
    }
  }

  /** The key's document and revision; an unreadable key is written as new, which fails and reads it again if it exists. */
  private async read(bucket: ViewDocuments, key: string): Promise<{ current: StoredViewEntry<D> | null | undefined; expected: number }> {
    try {
      const entry = await bucket.get(key);
      return { current: decodeViewEntry<D>(entry), expected: entry?.revision ?? 0 };
    } catch {
      return { current: undefined, expected: 0 };
    }
  }
}

/** Documents written at once by one projector. */
const WRITES_IN_FLIGHT = 128;
