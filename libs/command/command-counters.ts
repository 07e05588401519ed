/** What the command handlers of one slice have done since the app started. */
export interface SliceCommandCounts {
  /** Commands handled, whatever their outcome. */
  handled: number;
  /** Decisions made again because JetStream refused an append: the entity had moved past the state decided on. */
  retried: number;
  /** Reads of an entity's newer events: an entity not cached that turned out to exist, a stale state, or a refusal or no-op confirmed. */
  reads: number;
  /** Events read from the store to bring a state up to date (never the whole stream: only the entity's subject). */
  eventsRead: number;
}

/**
 * Counters of the command path, per slice (its CloudEvents `source`), kept in memory and served
 * on `GET /metrics`. Counting is one increment per step, cheap enough to stay on under load.
 */
export class CommandCounters {
  private readonly slices = new Map<string, SliceCommandCounts>();

  of(slice: string): SliceCommandCounts {
    let counts = this.slices.get(slice);
    if (!counts) {
      counts = { handled: 0, retried: 0, reads: 0, eventsRead: 0 };
      this.slices.set(slice, counts);
    }
    return counts;
  }

  entries(): [string, Readonly<SliceCommandCounts>][] {
    return [...this.slices];
  }
}
