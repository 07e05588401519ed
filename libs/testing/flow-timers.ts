/** What a pending timer of a flow asks for when due: a timer slice's command, or an effect's next attempt. */
export type FlowAction =
  | { readonly kind: 'command'; readonly slice: string; readonly command: unknown }
  | { readonly kind: 'attempt'; readonly slice: string; readonly key: string; readonly payload: unknown; readonly attempt: number; readonly subject: string };

export interface FlowTimer {
  readonly key: string;
  readonly generation: number;
  readonly at: number;
  readonly action: FlowAction;
  readonly correlationId: string;
  readonly causationId: string;
}

/**
 * The timers of a flow, kept as the runtime's registry keeps them: one pending generation per timer, a set or
 * clear older than what is held changing nothing, a due timer fired once.
 */
export class FlowTimers {
  private readonly pending = new Map<string, FlowTimer>();
  private readonly generations = new Map<string, number>();

  set(timer: FlowTimer): void {
    if ((this.generations.get(timer.key) ?? 0) >= timer.generation) return;
    this.generations.set(timer.key, timer.generation);
    this.pending.set(timer.key, timer);
  }

  clear(key: string, generation: number): void {
    if ((this.generations.get(key) ?? 0) >= generation) return;
    this.generations.set(key, generation);
    this.pending.delete(key);
  }

  /** The timers due at `now`, earliest first, taken out of the table. */
  due(now: number): FlowTimer[] {
    const due = [...this.pending.values()].filter(({ at }) => at <= now).sort((left, right) => left.at - right.at || left.generation - right.generation);
    for (const { key } of due) this.pending.delete(key);
    return due;
  }

  /** The timers waiting, earliest first: what a spec looks at. */
  get waiting(): readonly FlowTimer[] {
    return [...this.pending.values()].sort((left, right) => left.at - right.at);
  }
}
