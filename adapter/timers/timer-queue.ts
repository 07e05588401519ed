/** A timer waiting in memory: when it is due, and what identifies its message. */
export interface Queued {
  readonly at: number;
  readonly sequence: number;
}

/** The timers loaded from the slots coming due, earliest first (a binary heap; ties by stream sequence). */
export class TimerQueue<T extends Queued> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  push(item: T): void {
    this.heap.push(item);
    let child = this.heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!before(this.heap[child]!, this.heap[parent]!)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  pop(): T | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top === undefined || last === undefined || this.heap.length === 0) return top;
    this.heap[0] = last;
    for (let parent = 0; ; ) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let first = parent;
      if (left < this.heap.length && before(this.heap[left]!, this.heap[first]!)) first = left;
      if (right < this.heap.length && before(this.heap[right]!, this.heap[first]!)) first = right;
      if (first === parent) return top;
      this.swap(parent, first);
      parent = first;
    }
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b]!, this.heap[a]!];
  }
}

const before = (left: Queued, right: Queued): boolean => left.at < right.at || (left.at === right.at && left.sequence < right.sequence);
