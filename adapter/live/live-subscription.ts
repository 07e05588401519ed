import { matchesKey } from './key-pattern';
import type { ServerMessage } from './live.protocol';
import type { ViewChange } from './view-feed';

/**
 * One client subscription. While its snapshot is read it buffers the feed's live changes;
 * once the snapshot is sent it flushes the buffer and then forwards changes as they come.
 * Only revisions above the last one sent go out, so the seam between snapshot and live
 * changes neither drops nor repeats a change.
 */
export class LiveSubscription {
  private lastRevision: number;
  private buffer: ViewChange[] | undefined = [];

  constructor(
    readonly id: string,
    readonly pattern: string,
    after: number | undefined,
    private readonly send: (message: ServerMessage) => void,
  ) {
    this.lastRevision = after ?? 0;
  }

  /** A change from the live feed. */
  offer(change: ViewChange): void {
    if (!matchesKey(this.pattern, change.key)) return;
    if (this.buffer) this.buffer.push(change);
    else this.forward(change);
  }

  /** A change from the snapshot. */
  initial(change: ViewChange): void {
    this.forward(change);
  }

  /** The snapshot is complete: flush what arrived meanwhile, say so, and go live. */
  ready(): void {
    const buffered = this.buffer ?? [];
    this.buffer = undefined;
    for (const change of buffered) this.forward(change);
    this.send({ type: 'ready', id: this.id, revision: this.lastRevision });
  }

  private forward(change: ViewChange): void {
    if (change.revision <= this.lastRevision) return;
    this.lastRevision = change.revision;
    this.send({ type: 'value', id: this.id, key: change.key, revision: change.revision, value: change.value });
  }
}
