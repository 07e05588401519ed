/**
 * Runs tasks concurrently across keys and one after another within a key, in the order they were
 * pushed, with at most `limit` running at once. A task's failure is the task's own business: it
 * must settle, and the lanes go on either way.
 */
export class KeyedLanes {
  private readonly lanes = new Map<string, (() => Promise<void>)[]>();
  private readonly ready: string[] = [];
  private running = 0;
  private pending = 0;
  private readonly waiters = new Set<{ below: number; resolve: () => void }>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`lanes need a positive integer limit, got ${limit}`);
  }

  /** Tasks pushed and not yet settled, running or waiting. */
  get size(): number {
    return this.pending;
  }

  push(key: string, task: () => Promise<void>): void {
    this.pending++;
    const lane = this.lanes.get(key);
    if (lane) {
      lane.push(task);
      return;
    }
    this.lanes.set(key, [task]);
    this.ready.push(key);
    this.pump();
  }

  /** Resolves once fewer than `count` tasks are pending. */
  whenBelow(count: number): Promise<void> {
    if (this.pending < count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ below: count, resolve }));
  }

  /** Resolves once every pushed task has settled. */
  idle(): Promise<void> {
    return this.whenBelow(1);
  }

  private pump(): void {
    while (this.running < this.limit && this.ready.length > 0) {
      const key = this.ready.shift();
      if (key !== undefined) this.runHead(key);
    }
  }

  private runHead(key: string): void {
    const lane = this.lanes.get(key);
    const task = lane?.[0];
    if (!lane || !task) return;
    this.running++;
    const settle = (): void => {
      this.running--;
      this.pending--;
      lane.shift();
      if (lane.length > 0) this.ready.push(key);
      else this.lanes.delete(key);
      this.pump();
      for (const waiter of this.waiters) {
        if (this.pending < waiter.below) {
          this.waiters.delete(waiter);
          waiter.resolve();
        }
      }
    };
    task().then(settle, settle);
  }
}
