import { setTimeout as sleep } from 'node:timers/promises';
import type { KV } from '@nats-io/kv';
import { isRevisionConflict } from './view-store';

/**
 * The stream sequence through which a view has applied every event: where its next holder starts
 * reading. It only ever moves forward (compare-and-set on its revision, re-read on conflict), and
 * is written after the documents it covers, in the background and coalesced, so the projector
 * never waits on it.
 */
export class ViewCheckpoint {
  private target = 0;
  private written = 0;
  private revision: number | undefined;
  private writing: Promise<void> | undefined;
  private closing = false;

  constructor(
    private readonly kv: KV,
    private readonly key: string,
  ) {}

  /** The checkpoint as stored; 0 when the view has none yet. */
  async read(): Promise<number> {
    const entry = await this.kv.get(this.key);
    if (!entry || entry.operation !== 'PUT') {
      this.revision = entry?.revision;
      return 0;
    }
    this.revision = entry.revision;
    const stored = Number(entry.string());
    this.written = Math.max(this.written, stored);
    return stored;
  }

  /** The checkpoint as stored, read without disturbing the writer (for readiness and metrics); 0 when there is none. */
  async peek(): Promise<number> {
    const entry = await this.kv.get(this.key);
    return entry?.operation === 'PUT' ? Number(entry.string()) : 0;
  }

  /** Records that everything through `sequence` is applied; written soon, never backwards. */
  advance(sequence: number): void {
    if (sequence <= this.target) return;
    this.target = sequence;
    this.writing ??= this.write().finally(() => (this.writing = undefined));
  }

  /** Waits until the last advance is stored, or until the next failure to store it. */
  async close(): Promise<void> {
    this.closing = true;
    await this.writing;
    this.closing = false;
  }

  private async write(): Promise<void> {
    while (this.target > this.written) {
      const sequence = this.target;
      try {
        const value = String(sequence);
        this.revision =
          this.revision === undefined ? await this.kv.create(this.key, value) : await this.kv.update(this.key, value, this.revision);
        this.written = sequence;
      } catch (error) {
        if (!isRevisionConflict(error)) {
          if (this.closing) return;
          await sleep(RETRY_MS);
        }
        await this.read().catch(() => undefined);
      }
    }
  }
}

const RETRY_MS = 250;
