import type { KV, KvEntry } from '@nats-io/kv';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { RevisionTaken } from '@adapter/nats/kv-writes';

/** A view document as kept in its KV bucket: the document, and the last stream sequence applied to it. */
export interface ViewEntry<D> {
  readonly position: number;
  readonly updatedAt: string;
  readonly view: D;
}

export interface StoredViewEntry<D> extends ViewEntry<D> {
  readonly revision: number;
}

export const decodeViewEntry = <D>(entry: KvEntry | null): StoredViewEntry<D> | null => {
  if (!entry || entry.operation !== 'PUT' || entry.length === 0) return null;
  return { ...parseViewEntry<D>(entry.string()), revision: entry.revision };
};

/** A view entry's stored JSON; throws `SyntaxError` when it is not JSON. */
export const parseViewEntry = <D>(text: string): ViewEntry<D> => {
  const { position, updatedAt, view } = JSON.parse(text) as ViewEntry<D>;
  return { view, position, updatedAt };
};

export const encodeViewEntry = <D>(entry: ViewEntry<D>): string => JSON.stringify(entry);

/** The compare-and-set on a KV entry lost against another writer. */
export const isRevisionConflict = (error: unknown): boolean =>
  error instanceof RevisionTaken ||
  (error instanceof JetStreamApiError && (error.code === JetStreamApiCodes.StreamWrongLastSequence || error.code === 10164));

/** Reads a view document; `null` when the view has no entry for the key. */
export const readView = async <D>(bucket: KV, key: string): Promise<StoredViewEntry<D> | null> =>
  decodeViewEntry<D>(await bucket.get(key));
